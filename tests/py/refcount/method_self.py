import sys

class C:
    def method(self):
        return sys.getrefcount(self)
    def with_arg(self, other):
        return sys.getrefcount(other)

c = C()
print(sys.getrefcount(c))
print(c.method())
print(C.method(c))
bound = c.method
print(sys.getrefcount(c))
print(bound())
del bound
print(sys.getrefcount(c))
x = []
print(c.with_arg(x))
