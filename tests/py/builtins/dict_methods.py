d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", 3), d.setdefault("a", 100))
print(d, list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("c"), d.pop("zz", "none"))
d.update({"x": 9}, y=8)
d.update([("w", 7)])
print(d)
print(d.popitem(), d)
e = d.copy()
d.clear()
print(d, e, len(e))
try:
    d.pop("missing")
except KeyError as ex:
    print("KeyError", ex)
try:
    {}.popitem()
except KeyError as ex:
    print(ex)
try:
    e["nope"]
except KeyError as ex:
    print(repr(ex))
