import sys
a = []
L = [a]
print(sys.getrefcount(a))
L.append(a)
print(sys.getrefcount(a))
L.extend([a, a])
print(sys.getrefcount(a))
L.remove(a)
print(sys.getrefcount(a))
L.pop()
print(sys.getrefcount(a))
del L[0]
print(sys.getrefcount(a))
L.clear()
print(sys.getrefcount(a))
M = [a] * 5
print(sys.getrefcount(a))
del M
print(sys.getrefcount(a))
