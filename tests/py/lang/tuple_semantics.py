t = (1, [2, 3], "x")
t[1].append(4)
print(t)
try:
    t[0] = 5
except TypeError as e:
    print(e)
print((1,), (), (1, 2) + (3,), (0,) * 3)
print(len(t), t.count("x"), t.index("x"))
a = 1, 2
print(type(a).__name__, a)
print(hash((1, 2)) == hash((1, 2)))
try:
    hash((1, []))
except TypeError as e:
    print(e)
