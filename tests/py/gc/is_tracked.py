import gc

class C:
    pass

print(gc.is_tracked(0), gc.is_tracked(2 ** 100), gc.is_tracked("a"), gc.is_tracked(1.5), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked(C()), gc.is_tracked(C), gc.is_tracked(set()))
print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
d = {}
d["x"] = []
print(gc.is_tracked(d))
t = tuple([1, 2])
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))
t2 = tuple([[], 1])
gc.collect()
print(gc.is_tracked(t2))
