import weakref

class Obj:
    def method(self):
        return "called"

o = Obj()
wm = weakref.WeakMethod(o.method)
print(wm()())
r = weakref.ref(o.method)
print(r())
del o
print(wm())
