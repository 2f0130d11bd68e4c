print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(lambda x: x % 2, range(10))))
print(list(map(str, [1, 2, 3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
m = map(abs, [-1, -2])
print(type(m).__name__, next(m), list(m), list(m))
z = zip("ab", range(5))
print(type(z).__name__, list(z))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
print(list(zip(*[(1, "a"), (2, "b")])))
