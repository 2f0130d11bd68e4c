import gc

class Node:
    pass

gc.collect()
gc.disable()
for i in range(100):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
del a, b
print(gc.collect())
ring = [Node() for _ in range(21)]
for i, n in enumerate(ring):
    n.next = ring[(i + 1) % 21]
del ring, n
print(gc.collect())
gc.enable()
