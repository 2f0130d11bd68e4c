import gc
import weakref

class C:
    pass

C.me = C
r = weakref.ref(C)
del C
gc.collect()
print(r())

class D:
    pass

inst = D()
inst.cls = D
rd = weakref.ref(D)
del D
gc.collect()
print(rd() is not None, rd().__name__)
del inst
gc.collect()
print(rd())
