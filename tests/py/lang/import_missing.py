try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import _raises_on_import
except ValueError as e:
    print("import raised:", e)
import sys
print("_raises_on_import" in sys.modules)
