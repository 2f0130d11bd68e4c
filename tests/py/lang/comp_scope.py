x = "outer"
lst = [x for x in range(3)]
print(x, lst)

def f():
    n = 10
    return [n + i for i in range(3)]

print(f())

class C:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]

print(C.doubled)

def g():
    fs = [lambda: i for i in range(3)]
    return [h() for h in fs]

print(g())
