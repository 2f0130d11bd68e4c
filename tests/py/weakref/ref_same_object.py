import weakref

class Obj:
    pass

o = Obj()
r1 = weakref.ref(o)
r2 = weakref.ref(o)
print(r1 is r2)
r3 = weakref.ref(o, lambda r: None)
print(r3 is r1, r1 == r3)
print(weakref.getweakrefcount(o))
print(len(weakref.getweakrefs(o)))
del o
print(r1 == r3, r1 is r2)
