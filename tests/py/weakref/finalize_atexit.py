import weakref

class Obj:
    pass

keep = Obj()
weakref.finalize(keep, print, "finalizer runs at exit")
print("end of script")
