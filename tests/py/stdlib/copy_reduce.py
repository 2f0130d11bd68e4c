# copy through the reduce protocol: __reduce__, copyreg.pickle, __getstate__/
# __setstate__, slots, list/dict/int subclasses, sets and slices; weak
# references are atomic, a WeakSet copies; generators cannot be copied.
import copy, weakref, copyreg
class A:
    def __init__(self): self.x = [1, 2]; self.me = self
a = A(); b = copy.copy(a); c = copy.deepcopy(a)
print(b.x is a.x, c.x is a.x, c.x == a.x, c.me is c, b.me is a)
class S:
    __slots__ = ("p", "q", "__weakref__")
s = S(); s.p = [1]
t = copy.deepcopy(s); print(t.p, t.p is s.p, hasattr(t, "q"))
r = weakref.ref(a); print(copy.copy(r) is r, copy.deepcopy(r) is r)
ws = weakref.WeakSet([a]); ws2 = copy.copy(ws); print(type(ws2).__name__, len(ws2), a in ws2)
ws3 = copy.deepcopy(ws); print(len(ws3))
sl = slice(1, 2); print(copy.copy(sl) is sl, copy.deepcopy(sl) is sl)
class L(list):
    pass
l = L([1, [2]]); l.tag = "t"; l2 = copy.deepcopy(l)
print(type(l2).__name__, l2, l2.tag, l2[1] is l[1])
class D(dict): pass
d2 = copy.copy(D(a=1)); print(type(d2).__name__, d2)
class I(int): pass
i2 = copy.copy(I(5)); print(type(i2).__name__, i2)
class State:
    def __init__(self): self.v = 1
    def __getstate__(self): return {"v": self.v * 10}
    def __setstate__(self, st): self.v = st["v"] + 1
print(copy.copy(State()).v)
class Red:
    def __init__(self, n): self.n = n
    def __reduce__(self): return (Red, (self.n + 100,))
print(copy.deepcopy(Red(1)).n)
class Reg: 
    def __init__(self, n): self.n = n
copyreg.pickle(Reg, lambda r: (Reg, (r.n * 2,)))
print(copy.copy(Reg(4)).n)
def g(): yield 1
try: copy.copy(g())
except TypeError as e: print(e)
