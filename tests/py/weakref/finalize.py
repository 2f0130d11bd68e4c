import weakref

class Obj:
    pass

def cleanup(name):
    print("cleanup", name)
    return "result"

o = Obj()
f = weakref.finalize(o, cleanup, "o")
print(f.alive)
del o
print(f.alive)
o2 = Obj()
f2 = weakref.finalize(o2, cleanup, "called early")
print(f2())
print(f2.alive, f2())
o3 = Obj()
f3 = weakref.finalize(o3, cleanup, "detached")
print(f3.detach() is not None, f3.alive)
del o3
print("end")
