import sys
a = []

def f():
    local = a
    inner = [a, a]
    return sys.getrefcount(a)

print(sys.getrefcount(a))
print(f())
print(sys.getrefcount(a))

def g():
    return [a]

r = g()
print(sys.getrefcount(a))
del r
print(sys.getrefcount(a))
