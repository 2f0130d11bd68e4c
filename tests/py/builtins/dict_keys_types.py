d = {1: "int", 1.5: "float", "1": "str", (1, 2): "tuple", None: "none", True: "bool overrides 1", frozenset([1]): "frozenset"}
print(d[1], d[1.5], d["1"], d[(1, 2)], d[None], d[frozenset([1])])
print(len(d), d[1.0])
try:
    d[[1]] = 0
except TypeError as e:
    print(e)
