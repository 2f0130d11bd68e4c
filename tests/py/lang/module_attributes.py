import _helper_mod
print(type(_helper_mod).__name__)
print(sorted(n for n in dir(_helper_mod) if not n.startswith("__")))
_helper_mod.added = "new attribute"
print(_helper_mod.added)
try:
    _helper_mod.missing
except AttributeError as e:
    print(e)
print(repr(_helper_mod).startswith("<module '_helper_mod' from "))
import sys
print(repr(sys))
