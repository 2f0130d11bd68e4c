a = [1, 2]
b = a + [3]
print(b, a * 2, [0] * 3, 2 in a, a == [1, 2], a < [1, 3], a != b)
a[0] = 10
print(a, b)
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 1
print(grid)
x = [1, 2, 3]
x[1:2] = [7, 8, 9]
print(x, len(x))
print([1, [2, 3]][1][0], [][0:1])
try:
    [1][5]
except IndexError as e:
    print(e)
try:
    [1] + (2,)
except TypeError as e:
    print(e)
