import gc
a = [1, 2]
print(sorted(gc.get_referents(a)))
t = (a, "s")
refs = gc.get_referents(t)
print(len(refs), any(r is a for r in refs), "s" in refs)
print(gc.get_referents(1, "x"))
class C:
    pass
c = C()
c.x = a
print(any(r is a for r in gc.get_referents(c)), any(r is C for r in gc.get_referents(c)))
