import sys

class K:
    pass

k = K()
v = K()
d = {k: v}
print(sys.getrefcount(k), sys.getrefcount(v))
d[k] = k
print(sys.getrefcount(k), sys.getrefcount(v))
d.pop(k)
print(sys.getrefcount(k), sys.getrefcount(v))
d = dict.fromkeys([k, v], v)
print(sys.getrefcount(k), sys.getrefcount(v))
d = None
print(sys.getrefcount(k), sys.getrefcount(v))
