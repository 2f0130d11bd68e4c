class Bag:
    pass

b = Bag()
setattr(b, "x", 1)
b.y = 2
print(getattr(b, "x"), b.y, hasattr(b, "z"))
delattr(b, "x")
print(vars(b), b.__dict__)
b.__dict__["z"] = 3
print(b.z)
Bag.shared = "class level"
print(b.shared)
print(sorted(vars(Bag).keys() - {"__dict__", "__weakref__", "__module__", "__doc__"}))
