d = {}
d["z"] = 1
d["a"] = 2
d["m"] = 3
print(list(d), d)
d["z"] = 10
print(list(d))
del d["a"]
d["a"] = 4
print(list(d))
k = d.keys()
d["new"] = 5
print(k, len(k), "new" in k)
print(d.keys() & {"z", "q"}, d.keys() | {"q"} == {"z", "m", "a", "new", "q"}, d.keys() - {"z"} == {"m", "a", "new"})
print(d.items() >= {("z", 10)}, list(reversed(d)))
print({1: "a"} == {1: "a"}, {1: 2} != {1: 3})
print({**d, "z": 0})
print(d | {"extra": 1})
