class Default(dict):
    def __missing__(self, key):
        value = self[key] = len(key)
        return value

d = Default()
print(d["abc"], d["hello"], d)
print(d.get("zz"), "zz" in d)

class Counter(dict):
    def __missing__(self, key):
        return 0

c = Counter()
for ch in "mississippi":
    c[ch] += 1
print(sorted(c.items()))
