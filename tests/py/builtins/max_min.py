print(max(3, 1, 2), min(3, 1, 2), max([4, 9, 2]), min("hello"))
print(max(["apple", "fig", "banana"], key=len), min([(2, "b"), (1, "z")]))
print(max([], default="empty"), min([], default=None))
print(max([1, 3, 3], key=lambda x: -x), max(1, 2, key=lambda x: 0))
try:
    max([])
except ValueError as e:
    print(e)
try:
    min()
except TypeError as e:
    print(e)
try:
    max(1, "a")
except TypeError as e:
    print(e)
