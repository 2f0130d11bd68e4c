class C:
    def m(self, x):
        return (self.name, x)

c = C()
c.name = "c"
bm = c.m
print(bm(1), bm.__self__ is c, bm.__func__ is C.m)
print(C.m(c, 2))
print(c.m == c.m, c.m is c.m)
f = C.m
print(f(c, 3))
print(type(bm).__name__, type(C.m).__name__)
