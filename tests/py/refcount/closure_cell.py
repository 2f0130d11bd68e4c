import sys
a = []

def make():
    x = a
    def inner():
        return x
    return inner

print(sys.getrefcount(a))
f = make()
print(sys.getrefcount(a))
g = make()
print(sys.getrefcount(a))
del f
print(sys.getrefcount(a))
del g
print(sys.getrefcount(a))
