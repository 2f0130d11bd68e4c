import sys

class C:
    def m(self):
        pass

c = C()
print(sys.getrefcount(c))
bm = c.m
print(sys.getrefcount(c))
bms = [c.m, c.m]
print(sys.getrefcount(c))
del bm, bms
print(sys.getrefcount(c))
