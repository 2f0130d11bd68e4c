first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
h, *t = [1]
print(h, t)
(x, *y), w = [1, 2, 3], 4
print(x, y, w)
print([*range(3), *"ab"], (*[1, 2], 3), {*[1, 2], 3})
print({**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2, 3], sep="-")
