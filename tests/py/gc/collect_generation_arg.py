import gc
gc.collect()
a = []
a.append(a)
del a
print(gc.collect(0))
b = []
b.append(b)
del b
print(gc.collect(1))
c = []
c.append(c)
del c
print(gc.collect(generation=2))
for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print(e)
