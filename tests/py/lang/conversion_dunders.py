class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __index__(self):
        return int(self.v)
    def __bool__(self):
        return self.v != 0
    def __str__(self):
        return "Num(%s)" % self.v
    def __round__(self, nd=None):
        return round(self.v, nd)
    def __trunc__(self):
        return 99

n = Num(3.7)
print(int(n), float(n), bool(n), str(n), round(n), round(n, 1))
print([10, 20, 30, 40][Num(2)], hex(Num(255)), bin(Num(3)))
import math
print(math.trunc(n), math.floor(Num(2.5)), math.ceil(Num(2.5)))

class OnlyIndex:
    def __index__(self):
        return 7

print(int(OnlyIndex()), float(OnlyIndex()) if False else "skip", range(OnlyIndex())[-1])

class BadInt:
    def __int__(self):
        return "nope"

try:
    int(BadInt())
except TypeError as e:
    print(e)
try:
    float(object())
except TypeError as e:
    print(e)
