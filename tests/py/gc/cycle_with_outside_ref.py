# Cycles still referenced from outside survive a collection.
import gc

class N:
    pass

gc.collect()
a = N(); b = N()
a.b = b; b.a = a
keep = b
del a, b
print(gc.collect())
print(keep.a.b is keep)
del keep
print(gc.collect())
