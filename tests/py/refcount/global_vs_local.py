import sys
g = []

def f():
    return sys.getrefcount(g)

def h():
    loc = g
    return sys.getrefcount(loc)

print(sys.getrefcount(g), f(), h(), sys.getrefcount(g))
