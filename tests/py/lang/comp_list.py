print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in "ab"])
print([[r * c for c in range(3)] for r in range(3)])
print([w.upper() for w in ["a", "b"]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)])
print([n for row in matrix for n in row])
print([x if x > 2 else 0 for x in range(5)])
