import pprint

data = {"b": [1, 2, 3], "a": {"z": 1, "y": (1, 2)}, "c": "text"}
pprint.pprint(data)
print(pprint.pformat(data))
big = {"key%02d" % i: list(range(i)) for i in range(12)}
pprint.pprint(big)
pprint.pprint(list(range(40)))
pprint.pprint(list(range(40)), width=30)
pprint.pprint({3, 1, 2})
pprint.pprint(set(range(30)))
pprint.pprint([{"nested": [{"deep": list(range(15))}]}] * 2)
print(pprint.pformat(("single",)), pprint.pformat(()), pprint.pformat([]))
L = [1, 2]
L.append(L)
print(pprint.pformat(L).startswith("[1, 2, <Recursion on list with id="))
