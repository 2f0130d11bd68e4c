# Since Python 3.4 (PEP 442) objects with __del__ in cycles are collected,
# each finalizer called once.
import gc

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)

gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("cycle dropped, nothing freed yet")
n = gc.collect()
print("collected", n)
print(gc.garbage)
