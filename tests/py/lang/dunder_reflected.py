class M:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "M(%r)" % self.v
    def __add__(self, other):
        if isinstance(other, int):
            return M(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        return M(other + self.v)
    def __rsub__(self, other):
        return M(other - self.v)
    def __rmul__(self, other):
        return M(other * self.v)

print(M(1) + 2, 2 + M(1), 10 - M(3), 3 * M(4))
print(sum([1, 2], M(0)))
try:
    M(1) + "x"
except TypeError as e:
    print(e)
try:
    M(1) - M(2)
except TypeError as e:
    print(e)

class Sub(M):
    def __radd__(self, other):
        return "Sub.__radd__ wins"

print(1 + Sub(2))
