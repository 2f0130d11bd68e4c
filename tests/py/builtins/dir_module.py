# dir(module) is sorted(module.__dict__) (module.__dir__ lists the dict's
# keys; a module-level __dir__ function replaces it), not object's names.
import builtins
import math
import sys
import types

print(dir(math) == sorted(math.__dict__))
print(dir(builtins) == sorted(builtins.__dict__))
print(dir(sys) == sorted(sys.__dict__))
print("__class__" in dir(math), "__eq__" in dir(math), "pi" in dir(math))
m = types.ModuleType("m", "the doc")
print(dir(m), m.__dir__())
m.x = 1
m.__dir__ = lambda: ["b", "a"]
print(dir(m))
print(sorted(type(m).__dict__.keys() & {"__dir__", "__dict__"}))
print(math.__dir__() == list(math.__dict__))
