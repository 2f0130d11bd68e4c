a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None).__name__)
x = 256
y = 256
print(x is y)
t1 = ()
t2 = ()
print(t1 is t2)
print(id(a) == id(b), id(a) == id(c))
