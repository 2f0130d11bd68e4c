import sys
x = [1]
y = x
print(sys.getrefcount(x))
y = [2]
print(sys.getrefcount(x))
y = x
y = x
print(sys.getrefcount(x))
x, y = y, x
print(sys.getrefcount(x))
