import gc
import weakref

class Node:
    pass

gc.collect()
a = Node()
a.me = a
r = weakref.ref(a, lambda ref: print("callback, referent gone:", ref() is None))
del a
print("before collect")
gc.collect()
print("after collect", r())
