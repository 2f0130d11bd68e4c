def f(a, b=1):
    """Adds things."""
    return a + b

print(f.__name__)
print(f.__qualname__)
print(f.__doc__)
print(f.__module__)
f.custom = 42
print(f.custom)
print(callable(f))

class C:
    def m(self):
        pass

print(C.m.__qualname__)
print(C().m.__name__)
