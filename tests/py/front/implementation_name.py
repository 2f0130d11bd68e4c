# rcpy-only: sys.implementation names the interpreter
import sys
print(sys.implementation.name)
print(sys.version_info[:2])
print(sys.version_info >= (3, 11))
