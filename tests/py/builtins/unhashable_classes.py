# The unhashable builtin classes have __hash__ = None in their own dict
# (so collections.abc.Hashable and hasattr checks see it), hashable ones
# keep a slot wrapper.
import collections.abc

for cls in (list, dict, set, slice, type({}.keys()), type({}.items()),
            ):
    print(cls.__name__, cls.__dict__.get("__hash__", "absent"), cls.__hash__)
for cls in (int, str, tuple, frozenset, range, type(None)):
    print(cls.__name__, cls.__hash__ is not None,
          isinstance(cls.__hash__, type(object.__hash__)))
print([isinstance(x, collections.abc.Hashable)
       for x in ([], {}, set(), (), "", 1, frozenset(), {}.keys())])


class L(list):
    pass


try:
    hash(L())
except TypeError as exc:
    print(exc)
print(L.__hash__)
