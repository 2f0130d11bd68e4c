import sys

def one(p):
    return sys.getrefcount(p)

def two(p, q):
    return sys.getrefcount(p)

def nested(p):
    return one(p)

def keep(p):
    alias = p
    return sys.getrefcount(p)

a = []
print(sys.getrefcount(a))
print(one(a))
print(two(a, a))
print(nested(a))
print(keep(a))
print(one(a=a) if False else one(p=a))
print(sys.getrefcount(a))
