import weakref

class Obj:
    pass

o = Obj()
print(weakref.getweakrefcount(o), weakref.getweakrefs(o))
r1 = weakref.ref(o)
r2 = weakref.ref(o, lambda r: None)
print(weakref.getweakrefcount(o))
refs = weakref.getweakrefs(o)
print(len(refs), all(r() is o for r in refs))
del r2
print(weakref.getweakrefcount(o))
print(weakref.getweakrefcount(1))
