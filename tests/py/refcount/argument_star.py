import sys

def star(*args):
    return sys.getrefcount(args[0])

def kw(**kwargs):
    return sys.getrefcount(kwargs["k"])

a = []
print(star(a))
print(kw(k=a))
print(sys.getrefcount(a))
