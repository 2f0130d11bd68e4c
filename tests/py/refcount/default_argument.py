import sys
a = []
print(sys.getrefcount(a))

def f(x=a):
    return x

print(sys.getrefcount(a))
f()
print(sys.getrefcount(a))
del f
print(sys.getrefcount(a))
