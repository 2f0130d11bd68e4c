import sys
a = []
t = (a, a)
print(sys.getrefcount(a))
d = {"k": a}
print(sys.getrefcount(a))
d["j"] = a
print(sys.getrefcount(a))
del d["k"]
print(sys.getrefcount(a))
key_obj = tuple([1, "key"])
s = {key_obj}
print(sys.getrefcount(key_obj))
fs = frozenset([key_obj])
print(sys.getrefcount(key_obj))
s.discard(key_obj)
print(sys.getrefcount(key_obj))
del t
print(sys.getrefcount(a))
d.clear()
print(sys.getrefcount(a))
