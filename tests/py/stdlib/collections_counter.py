from collections import Counter

c = Counter("abracadabra")
print(c)
print(c.most_common(2), c["a"], c["z"], c.total())
print(sorted(c.elements()))
c.update("aaz")
c.subtract({"b": 1})
print(c)
words = Counter(["x", "y", "x"])
print(words + Counter({"x": 1, "q": 2}), words - Counter({"x": 5}), words | Counter({"y": 3}), words & Counter({"x": 1}))
print(Counter(a=3, b=-1), +Counter(a=3, b=-1), -Counter(a=3, b=-1))
print(Counter(), Counter({"k": 0}) == Counter(), len(c))
del c["zz"]
print(list(Counter("bca").keys()), Counter("aab").most_common())
