import sys
import weakref

class Obj:
    pass

o = Obj()
before = sys.getrefcount(o)
r = weakref.ref(o)
print(sys.getrefcount(o) == before)
strong = r()
print(sys.getrefcount(o) == before + 1)
del strong
