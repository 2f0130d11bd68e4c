import _helper_mod as hm
import math as m, sys as system
print(hm.VALUE, m.floor(2.5), system.getrefcount is not None)
print("_helper_mod" in dir(), "hm" in dir())
