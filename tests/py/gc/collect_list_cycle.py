import gc
gc.collect()
a = []
b = [a]
a.append(b)
print(gc.collect())
del a, b
print(gc.collect())
print(gc.collect())
