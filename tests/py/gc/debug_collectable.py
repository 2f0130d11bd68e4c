# DEBUG_COLLECTABLE prints each unreachable object found, to stderr.
import gc

class ClassA:
    pass

gc.collect()
a = ClassA()
a.me = a
del a
gc.set_debug(gc.DEBUG_COLLECTABLE)
print(gc.collect())
gc.set_debug(0)
