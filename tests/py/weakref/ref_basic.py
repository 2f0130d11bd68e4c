import weakref

class Obj:
    def __init__(self, name):
        self.name = name

o = Obj("x")
r = weakref.ref(o)
print(r() is o, r().name)
print(weakref.getweakrefcount(o))
del o
print(r())
print(r() is None)
