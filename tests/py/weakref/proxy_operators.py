# A proxy forwards every operation to its referent (operators, items, len,
# iteration, conversions, attributes) and raises ReferenceError once the
# referent is gone; it is unhashable and not callable unless the referent is.
import weakref

class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o):
        return Num(o + self.v)
    def __iadd__(self, o):
        self.v += o
        return self
    def __neg__(self):
        return Num(-self.v)
    def __lt__(self, o):
        return self.v < (o.v if isinstance(o, Num) else o)
    def __eq__(self, o):
        return self.v == (o.v if isinstance(o, Num) else o)
    __hash__ = object.__hash__
    def __index__(self):
        return self.v
    def __int__(self):
        return self.v
    def __float__(self):
        return float(self.v)
    def __repr__(self):
        return "Num(%d)" % self.v
    def __str__(self):
        return "<%d>" % self.v
    def __bool__(self):
        return self.v != 0
    def __len__(self):
        return self.v
    def __getitem__(self, i):
        return i * self.v
    def __setitem__(self, k, v):
        print("set", k, v)
    def __delitem__(self, k):
        print("del", k)
    def __contains__(self, x):
        return x == self.v
    def __iter__(self):
        return iter(range(self.v))

n = Num(3)
p = weakref.proxy(n)
print(p + 1, 1 + p, -p, p < 5, p == 3, p != 3, 3 == p, p < n)
print(str(p), bool(p), len(p), p[4], 3 in p, 4 in p, list(p))
p[1] = 2
del p[1]
print(int(p), float(p), "%s" % p)
print(p.v, p.__class__.__name__, type(p).__name__, isinstance(p, weakref.ProxyType))
q = p
q += 2
print(n.v, type(q).__name__)
print(sorted([Num(5), p, Num(1)], key=lambda x: x.v))
for r in ("abc",):
    pass
it = iter([1, 2])
class Box:
    pass
b = Box()
b.items = [1, 2]
pb = weakref.proxy(b)
pb.extra = 5
print(b.extra, pb.items, hasattr(pb, "nothing"))
del pb.extra
print(hasattr(b, "extra"))
try:
    next(pb)
except TypeError as e:
    print(e)
try:
    hash(pb)
except TypeError as e:
    print(e)
try:
    pb()
except TypeError as e:
    print(e)
print(callable(pb), callable(weakref.proxy(len)) if False else "")
del n, b
for f in (lambda: p.v, lambda: p + 1, lambda: len(p), lambda: str(p), lambda: bool(p),
          lambda: p == 1, lambda: list(p), lambda: p[0], lambda: 1 in p, lambda: -p):
    try:
        print(f())
    except ReferenceError as e:
        print("ReferenceError:", e)
try:
    pb.items = 1
except ReferenceError as e:
    print("ReferenceError:", e)
