print(all([]), any([]))
print(all([1, 2, 3]), all([1, 0, 3]), any([0, 0, 1]), any([0, "", None]))
print(all(x > 0 for x in [1, 2]), any(x > 5 for x in [1, 2]))
print(all("abc"), any({}), all({0: 1}))
