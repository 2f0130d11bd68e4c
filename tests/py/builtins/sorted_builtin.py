print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True))
print(sorted(["b", "A", "c"], key=str.lower), sorted({3: 0, 1: 0}))
words = ["pear", "fig", "apple", "kiwi"]
print(sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
pairs = [(1, "b"), (0, "a"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
print(sorted([]), sorted([0.5, -1, 2]))
