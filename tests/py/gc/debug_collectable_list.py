import gc
gc.collect()
L = []
L.append(L)
del L
gc.set_debug(gc.DEBUG_COLLECTABLE)
gc.collect()
gc.set_debug(0)
print("done")
