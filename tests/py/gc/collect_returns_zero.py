import gc
gc.collect()
print(gc.collect())
x = [1, 2, 3]
y = {"a": x}
print(gc.collect())
del x, y
print(gc.collect())
