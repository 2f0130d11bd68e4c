from _star_mod import *
print(public, also)
try:
    hidden
except NameError as e:
    print(e)
from _star_noall import *
print(visible)
print("_invisible" in dir())
