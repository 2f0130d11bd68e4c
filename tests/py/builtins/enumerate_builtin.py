print(list(enumerate("abc")))
print(list(enumerate("abc", 1)), list(enumerate([], 5)))
for i, (a, b) in enumerate([(1, 2), (3, 4)], start=10):
    print(i, a, b)
e = enumerate(["x"])
print(type(e).__name__, next(e))
try:
    next(e)
except StopIteration:
    print("done")
