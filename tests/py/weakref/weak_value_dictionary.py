import weakref

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Obj(%s)" % self.name

d = weakref.WeakValueDictionary()
a = Obj("a")
b = Obj("b")
d["a"] = a
d["b"] = b
print(len(d), sorted(d.keys()), d["a"])
del a
print(len(d), sorted(d.keys()), "a" in d, d.get("a"))
try:
    d["a"]
except KeyError as e:
    print("KeyError", e)
print(sorted(d.items(), key=lambda kv: kv[0]))
