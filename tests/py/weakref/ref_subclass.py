import weakref

class NamedRef(weakref.ref):
    def __new__(cls, obj, name, callback=None):
        return super().__new__(cls, obj, callback)

    def __init__(self, obj, name, callback=None):
        super().__init__(obj, callback)
        self.name = name

class Obj:
    pass

o = Obj()
r = NamedRef(o, "mine")
print(r.name, r() is o, isinstance(r, weakref.ref))
del o
print(r(), r.name)
