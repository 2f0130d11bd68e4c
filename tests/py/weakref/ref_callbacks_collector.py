# Callbacks and the collector, as CPython's test_weakref checks them.
import gc
import weakref

gc.collect()
log = []

class C:
    def cb(self, ignore):
        log.append("C.cb called")

def safe_callback(ignore):
    log.append("safe_callback called")

# weakrefs that are garbage themselves do not call back; one from outside does
c, d = C(), C()
c.other = d
d.other = c
callback = c.cb
c.wr = weakref.ref(d, callback)
d.wr = weakref.ref(callback, d.cb)
external_wr = weakref.ref(callback, safe_callback)
print(external_wr() is callback)
del callback, c, d
print(log)
gc.collect()
print(log, external_wr())
del log[:]
gc.collect()
print(log)

# a callback cannot bring its referent back: the ref is already cleared
class Phoenix:
    pass

saved = []
def resurrect(wr):
    saved.append(wr())

o = Phoenix()
o.self = o
r = weakref.ref(o, resurrect)
del o
gc.collect()
print(saved, r())

# a ref and its referent in one garbage cycle: the referent's death calls
# no callback of a ref that dies with it
class Node:
    pass

n = Node()
n.ref = weakref.ref(n, lambda wr: print("never called"))
n.me = n
del n
print("collected:", gc.collect() > 0)

# the callback sees a dead ref, and __callback__ is gone after the call
def show(wr):
    print("callback:", wr() is None, wr.__callback__)

p = Node()
rp = weakref.ref(p, show)
print(rp.__callback__ is show)
del p
print(rp.__callback__)

# callbacks of a referent dying by refcount run newest first, each once
p = Node()
refs = [weakref.ref(p, lambda wr, i=i: print("cb", i)) for i in range(4)]
shared = weakref.ref(p)
del p
print(len(refs), shared())

# a callback making new weakrefs and collecting
class Holder:
    pass

keep = Holder()
def nested(wr):
    keep.r = weakref.ref(keep, lambda w: print("inner"))
    print("nested callback, collected", gc.collect() >= 0)

q = Holder()
rq = weakref.ref(q, nested)
del q
print(keep.r() is keep)
