sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print(sorted([(1, 'b'), (2, 'a')], key=lambda p: p[1]))
print(sq.__name__)
print((lambda: 42)())
