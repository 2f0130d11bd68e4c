# DEBUG_STATS lines hold generation sizes and times: those are normalised.
# sub: objects in each generation: \d+ \d+ \d+ => objects in each generation: N N N
# sub: \d+\.\d+s elapsed => Ts elapsed
import gc
gc.collect()
a = []
a.append(a)
del a
gc.set_debug(gc.DEBUG_STATS)
gc.collect()
gc.set_debug(0)
print("done")
