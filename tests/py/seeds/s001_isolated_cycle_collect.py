# Seed 001's isolated cycle, then found by a collection: two lists.
import gc
a = []
b = [a]
a.append(b)
del a
del b
print(gc.collect())
print(gc.collect())
