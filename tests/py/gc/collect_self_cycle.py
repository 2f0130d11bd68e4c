import gc
gc.collect()
L = []
L.append(L)
del L
print(gc.collect())
d = {}
d["me"] = d
del d
print(gc.collect())
