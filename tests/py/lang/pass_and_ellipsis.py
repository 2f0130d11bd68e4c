def f():
    pass

class Empty:
    pass

def g():
    ...

print(f(), g())
print(Empty.__name__)
print(...)
print(Ellipsis is ...)
