import weakref

class Obj:
    pass

def bad(ref):
    raise RuntimeError("in callback")

o = Obj()
r = weakref.ref(o, bad)
del o
print("program continues")
