print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)))
r = range(1, 20, 4)
print(r, len(r), r[2], r[-1], 9 in r, 10 in r, r.index(13), r.count(5))
print(r.start, r.stop, r.step, range(5) == range(0, 5), range(3)[::-1])
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
try:
    r[10]
except IndexError as e:
    print(e)
print(list(range(-3, 3)), range(10 ** 20)[-1])
