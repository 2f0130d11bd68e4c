# What can be weakly referenced, the shared references and their order,
# hashing, equality and repr.
import gc
import re
import sys
import weakref

def show(r):
    print(re.sub(r"0x[0-9a-f]+", "0x...", repr(r)))

def f():
    pass

class A:
    def m(self):
        pass

def gen():
    yield 1

for o in (f, A, A().m, len, gen(), f.__code__, sys, {1}, frozenset(), A(), type):
    r = weakref.ref(o)
    print(type(o).__name__, r() is o)

show(weakref.ref(f))
show(weakref.ref(A))
show(weakref.ref(len))
a = A()
show(weakref.ref(a))

class Config(dict):
    # __name__ comes from the class, never through __getattr__ (gh-99184)
    def __getattr__(self, name):
        return self[name]

cfg = Config(__name__="ignored")
show(weakref.ref(cfg))

class Slots:
    __slots__ = ("x",)

class SlotsWeak(Slots):
    __slots__ = ("__weakref__",)

class Sub(Slots):
    pass

for cls in (Slots, SlotsWeak, Sub):
    try:
        weakref.ref(cls())
        print(cls.__name__, "ok")
    except TypeError as e:
        print(e)

for base in (int, tuple, str, list, dict, set, Exception):
    C = type("C" + base.__name__, (base,), {})
    try:
        weakref.ref(C())
        print(base.__name__, "subclass ok")
    except TypeError as e:
        print(e)

for o in (object(), 1.5, range(3), ValueError(), weakref.ref(a), weakref.proxy(a), True, ...):
    try:
        weakref.ref(o)
    except TypeError as e:
        print(e)

# one shared ref and one shared proxy; getweakrefs lists them first
o = A()
r1 = weakref.ref(o, lambda r: None)
basic = weakref.ref(o)
p = weakref.proxy(o)
r2 = weakref.ref(o, lambda r: None)
p2 = weakref.proxy(o, lambda r: None)
class R(weakref.ref):
    pass
r3 = R(o)
print(weakref.ref(o) is basic, weakref.proxy(o) is p, R(o) is r3, weakref.ref(o, None) is basic)
order = weakref.getweakrefs(o)
names = {id(basic): "basic", id(p): "proxy", id(r1): "r1", id(r2): "r2", id(p2): "p2", id(r3): "r3"}
print([names[id(x)] for x in order], weakref.getweakrefcount(o))
del basic, p
print([names[id(x)] for x in weakref.getweakrefs(o)])

# hash: the referent's, kept after death; never hashed and dead: TypeError
class H:
    def __hash__(self):
        return 42
h = H()
rh = weakref.ref(h)
print(hash(rh))
del h
print(hash(rh), rh())
h2 = H()
rh2 = weakref.ref(h2, lambda r: None)
del h2
try:
    hash(rh2)
except TypeError as e:
    print(e)

# equality: the referents' while both live, identity after
class E:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return self.k == other.k
    __hash__ = object.__hash__
e1, e2 = E(1), E(1)
w1, w2 = weakref.ref(e1), weakref.ref(e2)
print(w1 == w2, w1 != w2, w1 == 5)
del e1
print(w1 == w2, w1 == w1, w1 != w2)
try:
    w1 < w2
except TypeError as e:
    print(e)

# calls and arguments
try:
    w2(1)
except TypeError as e:
    print(e)
try:
    weakref.ref()
except TypeError as e:
    print(e)
try:
    weakref.ref(e2, None, 3)
except TypeError as e:
    print(e)
print(weakref.ref, weakref.ReferenceType is weakref.ref, weakref.ProxyTypes)
print(weakref.ref.__name__, weakref.ref.__module__)
try:
    w2.attr = 1
except AttributeError as e:
    print(e)
