print(type(1), type("s"), type([]), type(()), type({}), type(set()), type(None), type(1.0), type(True))
print(type(len), type(range(1)), type(type), type(object))
print(type(1) is int, type(1).__name__, int.__name__, type("").__name__)
class C:
    pass
print(type(C()), type(C()).__name__, type(C()).__qualname__)
print(type(print).__name__, type(lambda: 0).__name__, type(C).__name__)
