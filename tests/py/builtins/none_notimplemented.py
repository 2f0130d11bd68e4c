print(None, repr(None), type(None).__name__, None is None)
print(NotImplemented, type(NotImplemented).__name__)
print(Ellipsis, type(...).__name__)
def f():
    pass
print(f() is None)
print(bool(None))
