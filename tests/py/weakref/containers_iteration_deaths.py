# Weak dictionaries and sets whose entries die while an iteration runs:
# the removals wait until the iteration ends (CPython's _IterationGuard).
import gc
import weakref

class Obj:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "Obj(%d)" % self.n

objs = [Obj(i) for i in range(6)]
wv = weakref.WeakValueDictionary((i, o) for i, o in enumerate(objs))
seen = []
for k in wv.keys():
    seen.append(k)
    if k == 1:
        del objs[3:]          # values 3, 4, 5 die during the iteration
        gc.collect()
print(sorted(seen), len(wv), wv._pending_removals == [])
print(sorted(wv.keys()), sorted(o.n for o in wv.values()))

keys = [Obj(i) for i in range(5)]
wk = weakref.WeakKeyDictionary({k: k.n * 10 for k in keys})
it = iter(wk.items())
first = next(it)
del keys[2:]
print(len(wk), len(wk._pending_removals))
rest = list(it)
print(len(wk), sorted(v for k, v in [first] + rest))
print(sorted(v for v in wk.values()))

# an iteration abandoned halfway: its generator is collected, the guard
# ends and the pending removals are applied
members = [Obj(i) for i in range(4)]
ws = weakref.WeakSet(members)
g = iter(ws)
first = next(g)
del members[:]        # the three not being looked at die
print(len(ws), len(ws._pending_removals))
del g
gc.collect()
print(len(ws), len(ws._pending_removals), list(ws) == [first])

# entries of values that die outside any iteration go at once
o = Obj(9)
wv2 = weakref.WeakValueDictionary()
wv2["x"] = o
wv2["y"] = o
print(sorted(wv2), "x" in wv2)
del o
print(sorted(wv2), "x" in wv2, wv2.get("x", "gone"))

