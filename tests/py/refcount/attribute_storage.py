import sys

class Holder:
    pass

payload = []
h = Holder()
h.x = payload
print(sys.getrefcount(payload))
h.y = payload
print(sys.getrefcount(payload))
del h.x
print(sys.getrefcount(payload))
h.y = None
print(sys.getrefcount(payload))
h.z = payload
del h
print(sys.getrefcount(payload))
