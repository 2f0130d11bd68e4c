# Seed 001's last paragraph with the flags Python 3 has: each unreachable
# object a collection finds is printed to stderr.
import gc

class ClassA():
    pass

gc.collect()
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE)
c1 = ClassA()
c1.t = c1
del c1
print(gc.collect())
gc.set_debug(0)
