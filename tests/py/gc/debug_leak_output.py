# DEBUG_LEAK: the collectable objects are printed and saved in gc.garbage.
import gc

class Leaky:
    pass

gc.collect()
o = Leaky()
o.self_ref = o
del o
gc.set_debug(gc.DEBUG_LEAK)
gc.collect()
gc.set_debug(0)
print(len(gc.garbage), type(gc.garbage[0]).__name__)
gc.garbage.clear()
