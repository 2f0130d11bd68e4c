# OrderedDict: pop/setdefault/fromkeys with keywords, | and |= keep the
# class, deepcopy through __reduce__ keeps attributes.
from collections import OrderedDict
import copy
od = OrderedDict.fromkeys("abc", value=0)
print(od, od.pop("a", default=5), od.pop("zz", default=5), od.setdefault("d", default=9), od)
try: od.pop("nope")
except KeyError as e: print("KeyError", e)
u = od | {"x": 1}; print(type(u).__name__, u)
r = {"y": 2} | od; print(type(r).__name__, r)
od |= {"z": 3}; print(od)
od.tag = "t"
c = copy.deepcopy(od); print(type(c).__name__, c, c.tag)
class Sub(OrderedDict): pass
print(type(Sub(a=1) | {}).__name__, type(Sub.fromkeys("ab")).__name__)
