# Objects that survive a collection move to an older generation.
import gc

class N:
    pass

gc.collect()
x = N()
print(any(o is x for o in gc.get_objects(0)))
gc.collect(0)
print(any(o is x for o in gc.get_objects(0)), any(o is x for o in gc.get_objects(1)))
gc.collect(1)
print(any(o is x for o in gc.get_objects(1)), any(o is x for o in gc.get_objects(2)))
