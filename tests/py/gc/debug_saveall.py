import gc

class ClassA:
    pass

gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = ClassA()
b = ClassA()
a.b = b
b.a = a
del a, b
print(gc.collect())
print(len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
x, y = gc.garbage
print(x.b is y or x.a is y)
gc.set_debug(0)
del x, y
gc.garbage.clear()
print(gc.collect())
print(gc.garbage)
