it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
s = iter("ab")
print(list(s), list(s))
calls = [0]
def counter():
    calls[0] += 1
    return calls[0]
print(list(iter(counter, 4)))
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next([1])
except TypeError as e:
    print(e)
d = {"a": 1, "b": 2}
print(list(iter(d)), next(iter(d.values())), next(iter(d.items())))
