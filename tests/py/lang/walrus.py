data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 5])
print(y)
values = iter([3, 2, 1, 0, 5])
while (v := next(values)) != 0:
    print("value", v)
print((total := 10) + total)
def f():
    if (m := 7):
        return m
print(f())
