import gc

class Unique:
    pass

u = Unique()
objs = gc.get_objects()
print(any(o is u for o in objs))
print(isinstance(objs, list), len(objs) > 0)
n = 12345
print(any(o is n for o in objs))
gc.collect()
print(any(o is u for o in gc.get_objects(generation=2)))
