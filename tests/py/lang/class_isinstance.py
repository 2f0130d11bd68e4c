class A: pass
class B(A): pass
class C: pass

b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, C))
print(issubclass(B, A), issubclass(B, (C,)), issubclass(A, object))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int))
print(isinstance("s", (int, str)), isinstance(None, type(None)))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
