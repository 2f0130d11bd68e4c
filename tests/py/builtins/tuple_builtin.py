print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"a": 1}))
t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:], 2 in t, t == (1, 2, 2, 3))
try:
    t.index(9)
except ValueError as e:
    print(e)
print(tuple(x * x for x in range(4)))
