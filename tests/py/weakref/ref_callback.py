import weakref

class Obj:
    pass

def on_death(ref):
    print("callback got the dead ref:", ref() is None, ref is r)

o = Obj()
r = weakref.ref(o, on_death)
print("deleting")
del o
print("deleted")
