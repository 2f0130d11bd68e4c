# __index__ added to or removed from a class after instances exist; a
# class inheriting __index__; __index__ returning a non-int; objects
# without __index__ keep their own error messages.
class I:
    def __init__(self, n):
        self.n = n


i = I(1)
data = ["a", "b", "c", "d"]
for attempt in (lambda: data[i], lambda: data[i:], lambda: "ab" * i):
    try:
        print(attempt())
    except TypeError as exc:
        print(exc)

I.__index__ = lambda self: self.n
print(data[i], data[i:], "ab" * I(3), (1, 2, 3)[I(2)], range(10)[I(4)],
      data[I(0):I(3):I(2)], [0] * I(2))


class J(I):
    pass


print(data[J(3)], "xy"[J(-1)])
del I.__index__
try:
    data[J(1)]
except TypeError as exc:
    print(exc)


class Bad:
    def __index__(self):
        return "one"


try:
    data[Bad()]
except TypeError as exc:
    print(exc)
