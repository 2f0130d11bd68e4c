import sys
a = []
b = []
x, y = a, b
print(sys.getrefcount(a), sys.getrefcount(b))
(p, q) = [a, a]
print(sys.getrefcount(a))
first, *rest = [a, b, b]
print(sys.getrefcount(a), sys.getrefcount(b))
del x, y, p, q, first, rest
print(sys.getrefcount(a), sys.getrefcount(b))
