def f(a, b=2, c=3):
    return (a, b, c)

print(f(1))
print(f(1, 20))
print(f(1, c=30))
print(f(a=5, b=6, c=7))
print(f.__defaults__)
