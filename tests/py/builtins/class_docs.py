# The builtin classes carry CPython's docstrings; those without one
# (NoneType, the iterators, the dict views) have __doc__ None in their own
# dict, so their instances do not show object's docstring.
for cls in (int, bool, float, str, tuple, list, dict, set, frozenset, range,
            slice, enumerate, zip, map, filter, reversed):
    print(cls.__name__, repr(cls.__doc__))
    print("  own:", "__doc__" in cls.__dict__)
d = {"a": 1}
for obj in (None, ..., iter([]), iter(()), iter(range(2)),
            iter(lambda: 1, 1), d.keys(), d.values(), d.items(),
            reversed([1]), iter({1}), iter(d)):
    print(type(obj).__name__, repr(type(obj).__doc__), repr(obj.__doc__))
print(repr(type(list[int]).__doc__))
print((5).__doc__ == int.__doc__, [].__doc__ == list.__doc__)
