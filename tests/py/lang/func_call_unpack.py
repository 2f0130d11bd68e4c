def f(a, b, c=0, *args, **kw):
    return [a, b, c, args, sorted(kw.items())]

args = (1, 2)
kw = {'c': 3, 'd': 4}
print(f(*args, **kw))
print(f(*args, 5, 6, 7))
print(f(0, *[1], *[2, 3], e=5, **{'g': 6}))
try:
    f(1, **{'a': 2})
except TypeError as e:
    print(e)
try:
    f(*5)
except TypeError as e:
    print(e)
try:
    f(1, 2, **[1])
except TypeError as e:
    print(e)
