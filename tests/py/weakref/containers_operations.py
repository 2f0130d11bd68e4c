# WeakKeyDictionary, WeakValueDictionary and WeakSet: the mapping and set
# operations, copies, and entries leaving when their objects die.
import copy
import gc
import weakref

class K:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "K%d" % self.n
    def __eq__(self, other):
        return isinstance(other, K) and self.n == other.n
    def __hash__(self):
        return hash(self.n)

ks = [K(i) for i in range(4)]
wk = weakref.WeakKeyDictionary()
for k in ks:
    wk[k] = k.n * 2
print(len(wk), wk[K(1)], K(2) in wk, 5 in wk, wk.get(K(9), "none"))
print(sorted(wk.keys(), key=lambda k: k.n), sorted(wk.values()))
print(wk.setdefault(ks[0], 100), wk.pop(ks[3]), len(wk))
print(sorted((k.n, v) for k, v in wk.items()))
wk2 = wk.copy()
print(len(wk2), type(wk2).__name__, len(wk.keyrefs()))
wk.update({ks[3]: 33})
wk |= {ks[2]: 22}
print(wk[ks[2]], wk[ks[3]])
del ks[1]
print(len(wk), len(wk2))
k, v = wk.popitem()
print(type(k).__name__, isinstance(v, int), len(wk))
wk.clear()
print(len(wk), repr(wk).startswith("<WeakKeyDictionary at 0x"))

vs = [K(i) for i in range(3)]
wv = weakref.WeakValueDictionary(a=vs[0], b=vs[1])
wv["c"] = vs[2]
print(sorted(wv), wv["a"], "b" in wv, len(wv), sorted(wv.items()))
print(wv.setdefault("a", K(7)), len(wv.valuerefs()), len(list(wv.itervaluerefs())))
print(wv.pop("c"), wv.pop("zz", "dflt"), len(wv))
try:
    wv.pop("zz")
except KeyError as e:
    print("KeyError", e)
c2 = copy.copy(wv)
c3 = copy.deepcopy(wv)
print(sorted(c2), sorted(c3), c2 == wv)
merged = wv | {"z": vs[2]}
print(type(merged).__name__, sorted(merged))
del vs[:2]
print(sorted(wv), sorted(merged))
try:
    wv["a"]
except KeyError as e:
    print("KeyError", e)
print(repr(wv).startswith("<WeakValueDictionary at 0x"))

items = [K(i) for i in range(5)]
s = weakref.WeakSet(items[:3])
t = weakref.WeakSet(items[2:])
print(len(s), items[0] in s, 3 in s, sorted(x.n for x in s | t), sorted(x.n for x in s & t))
print(sorted(x.n for x in s - t), sorted(x.n for x in s ^ t), s <= s | t, s < t, s.isdisjoint(t))
u = s.copy()
u.add(items[4])
u.discard(items[0])
u.remove(items[1])
print(sorted(x.n for x in u), s == weakref.WeakSet(items[:3]), len(s))
try:
    u.remove(K(99))
except KeyError as e:
    print("KeyError", e)
popped = u.pop()
print(type(popped).__name__, len(u))
del items[:]
gc.collect()
print(len(s), len(t), len(u), list(s))
try:
    weakref.WeakSet().pop()
except KeyError as e:
    print("KeyError", e)
