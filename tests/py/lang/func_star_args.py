def f(*args):
    return args

print(f())
print(f(1))
print(f(1, 2, 3))
print(type(f(1)).__name__)

def g(first, *rest):
    return first, rest

print(g(1, 2, 3))
print(g(*[4, 5, 6]))
print(g(*"abc"))
