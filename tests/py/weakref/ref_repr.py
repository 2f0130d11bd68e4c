import weakref

class Obj:
    pass

o = Obj()
r = weakref.ref(o)
print(repr(r).startswith("<weakref at 0x"), "to 'Obj' at 0x" in repr(r))
print(r)
del o
print(r)
