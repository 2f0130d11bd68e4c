import sys

class C:
    pass

print(sys.getrefcount(C) > 1)
shared = []
C.shared = shared
print(sys.getrefcount(shared))
inst = C()
print(sys.getrefcount(shared))
print(inst.shared is shared, sys.getrefcount(shared))
del C.shared
print(sys.getrefcount(shared))
