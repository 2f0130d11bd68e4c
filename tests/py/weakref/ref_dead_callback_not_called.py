import weakref

class Obj:
    pass

o = Obj()
r = weakref.ref(o, lambda ref: print("never: the weakref died first"))
del r
del o
print("no callback")
