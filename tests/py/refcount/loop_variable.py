import sys
a = []
b = []
items = [a, b]
print(sys.getrefcount(a))
for item in items:
    pass
print(sys.getrefcount(a), sys.getrefcount(b))
del item
print(sys.getrefcount(b))
print([sys.getrefcount(x) for x in items])
