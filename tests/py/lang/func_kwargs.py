def f(**kwargs):
    return kwargs

print(f())
print(f(a=1, b=2))
print(f(**{'x': 1}, y=2))

def g(a, *args, **kwargs):
    return a, args, kwargs

print(g(1, 2, 3, k=4))
print(g(a=1))
print(g(*[1, 2], **{'z': 3}))
