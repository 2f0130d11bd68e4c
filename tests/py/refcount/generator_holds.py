import sys
a = []

def gen(x):
    yield 1
    yield 2

print(sys.getrefcount(a))
g = gen(a)
print(sys.getrefcount(a))
next(g)
print(sys.getrefcount(a))
for _ in g:
    pass
print(sys.getrefcount(a))
g2 = gen(a)
print(sys.getrefcount(a))
del g2
print(sys.getrefcount(a))
