a = [1, 2]
a.append(a)
print(a)
d = {}
d["self"] = d
print(d)
b = [a, a]
print(len(repr(b)))
