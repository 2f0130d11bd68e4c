a, b, c = [1, 2, 3]
print(a, b, c)
x, y = "hi"
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, t] = {"k": 1, "j": 2}
print(s, t)
m, = [99]
print(m)
for (i, j) in [(1, 2)]:
    print(i + j)
