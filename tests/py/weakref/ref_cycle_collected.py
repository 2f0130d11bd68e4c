import gc
import weakref

class Node:
    pass

gc.collect()
a = Node()
b = Node()
a.b = b
b.a = a
ra = weakref.ref(a, lambda r: print("a is gone"))
rb = weakref.ref(b, lambda r: print("b is gone"))
del a, b
print(ra() is not None, rb() is not None)
gc.collect()
print(ra(), rb())
