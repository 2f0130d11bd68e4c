# Subclasses of weakref.ref: attributes, __slots__, their own __call__,
# __eq__ and __hash__, callbacks receiving the subclass instance, and the
# sharing rule (never shared, unlike plain refs).
import gc
import weakref

class Obj:
    pass

class Tagged(weakref.ref):
    __slots__ = ("tag",)
    def __new__(cls, ob, tag, callback=None):
        self = super().__new__(cls, ob, callback)
        self.tag = tag
        return self
    def __init__(self, ob, tag, callback=None):
        super().__init__(ob, callback)

class Counting(weakref.ref):
    def __init__(self, ob, callback=None, **extra):
        super().__init__(ob, callback)
        self.calls = 0
        self.extra = extra
    def __call__(self):
        self.calls += 1
        return super().__call__()

o = Obj()
t = Tagged(o, "T", lambda r: print("callback got", type(r).__name__, r.tag))
c = Counting(o, color="red")
print(t.tag, t() is o, c() is o, c(), c.calls, c.extra)
print(isinstance(t, weakref.ref), type(t).__mro__[1] is weakref.ref)
print(Counting(o) is c, weakref.ref(o) is weakref.ref(o))
print(t == weakref.ref(o), hash(t) == hash(o), t.__callback__ is not None)
print(weakref.getweakrefcount(o))
w = weakref.ref(c)
print(w() is c)
del o
print(t(), c(), c.calls)

class Keyed(weakref.ref):
    def __eq__(self, other):
        return isinstance(other, Keyed) and self.key == other.key
    __hash__ = weakref.ref.__hash__

a = Obj()
k1 = Keyed(a); k1.key = 1
k2 = Keyed(a); k2.key = 2
print(k1 == k2, k1 != k2, hash(k1) == hash(k2), k1 is k2)

# the WeakValueDictionary's KeyedRef
from weakref import KeyedRef
kr = KeyedRef(a, None, "the key")
print(kr.key, kr() is a)

# WeakMethod
class Dog:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " barks"

d = Dog("rex")
wm = weakref.WeakMethod(d.speak, lambda r: print("method gone:", r() is None))
print(wm()(), wm == weakref.WeakMethod(d.speak), wm() == d.speak)
print(hash(wm) == hash(weakref.WeakMethod(d.speak)))
try:
    weakref.WeakMethod(print)
except TypeError as e:
    print(e)
del d
gc.collect()
print(wm())

def plain():
    return "plain"
class Holder:
    pass
h = Holder()
h.fn = plain
try:
    weakref.WeakMethod(h.fn)
except TypeError as e:
    print(e)
