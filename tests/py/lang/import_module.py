import _helper_mod
print(_helper_mod.VALUE)
print(_helper_mod.greet("x"))
print(_helper_mod.calls)
print(_helper_mod.__name__, _helper_mod.__doc__)
import _helper_mod
print("second import does not re-run the module")
import sys
print(sys.modules["_helper_mod"] is _helper_mod)
print(_helper_mod.__file__.endswith("_helper_mod.py"))
