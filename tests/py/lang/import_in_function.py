def use():
    import _helper_mod
    from _helper_mod import VALUE
    return _helper_mod.VALUE + VALUE

print(use())
print("_helper_mod" in dir())
import sys
print("_helper_mod" in sys.modules)
