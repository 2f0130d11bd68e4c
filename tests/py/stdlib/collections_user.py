# collections: UserList, UserDict, UserString, ChainMap.
from collections import UserList, UserDict, UserString, ChainMap

ul = UserList([3, 1, 2])
ul.append(5)
ul.sort()
print(ul, len(ul), ul[1:3], type(ul[1:3]).__name__, ul + [9], [0] + ul)
ul += (7,)
ul *= 2
print(ul, ul.count(7), ul.index(5), ul == [1, 2, 3, 5, 7] * 2, ul < [2])
del ul[0]
print(ul.pop(), ul, 3 in ul)


class Stack(UserList):
    def push(self, x):
        self.append(x)


st = Stack()
st.push(1)
st.push(2)
print(st, st.copy(), type(st.copy()).__name__)

ud = UserDict({"a": 1}, b=2)
ud["c"] = 3
del ud["a"]
print(ud, len(ud), "b" in ud, ud.get("zz", "none"), sorted(ud), ud | {"d": 4})


class Defaulting(UserDict):
    def __missing__(self, key):
        return key * 2


print(Defaulting()["ab"])
try:
    UserDict()["missing"]
except KeyError as exc:
    print("KeyError", exc)

us = UserString("Hello")
print(us.upper(), us + "!", us * 2, us[1:3], repr(us), us == "Hello",
      "ell" in us, len(us), us.split("l"), type(us.lower()).__name__)

cm = ChainMap({"a": 1}, {"a": 10, "b": 20})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm)
cm["c"] = 3
child = cm.new_child({"a": 100})
print(child["a"], child.parents["a"], cm.maps[0], dict(child))
try:
    del cm["b"]
except KeyError as exc:
    print("KeyError", exc)
