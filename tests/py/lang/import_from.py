from _helper_mod import VALUE, greet as hi, Thing
print(VALUE, hi("y"), Thing())
from _helper_mod import _private
print(_private)
try:
    from _helper_mod import nothing_here
except ImportError as e:
    print(type(e).__name__, e)
