import sys

def make():
    obj = []
    return obj

def passthrough(x):
    return x

r = make()
print(sys.getrefcount(r))
s = passthrough(r)
print(sys.getrefcount(r))
passthrough(r)
print(sys.getrefcount(r))
