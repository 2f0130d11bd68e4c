import sys
a = []
outer = [[a, a], {"x": a}, (a,)]
print(sys.getrefcount(a))
del outer[0]
print(sys.getrefcount(a))
del outer
print(sys.getrefcount(a))
