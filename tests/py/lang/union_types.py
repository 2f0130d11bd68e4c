# PEP 604 unions: int | str makes a types.UnionType (flattened, deduplicated,
# None as NoneType), equal regardless of order, usable in isinstance and
# issubclass; a metaclass's own __or__/__ror__ wins; | with a non-type fails.
import types
u = int | str
print(u, type(u), type(u) is types.UnionType if hasattr(types, "UnionType") else "", u.__args__)
print(int | None, None | int, (int | str) | float, int | (str | float), int | int, str | str | None)
print(u == (str | int), u == (int | float), hash(u) == hash(str | int), u != int)
print(isinstance(1, int | str), isinstance(1.5, int | str), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str))
print(int | list[str])  # list[int] | None needs GenericAlias.__or__
class A: pass
print(A | None)
try:
    int | 3
except TypeError as e:
    print(e)
try:
    isinstance(1, int | 3)
except TypeError as e:
    print(e)
class Meta(type):
    def __or__(cls, other): return ("meta-or", cls.__name__)
    def __ror__(cls, other): return ("meta-ror", cls.__name__)
class M(metaclass=Meta): pass
print(M | int, int | M, M | None)
print(type.__or__(int, str), int.__or__(str) if False else "", (int | str).__or__(float))
