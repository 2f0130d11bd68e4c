class Vector:
    def __init__(self, *components):
        self.c = tuple(components)
    def __repr__(self):
        return "Vector%r" % (self.c,)
    def __add__(self, other):
        return Vector(*(a + b for a, b in zip(self.c, other.c)))
    def __sub__(self, other):
        return Vector(*(a - b for a, b in zip(self.c, other.c)))
    def __mul__(self, k):
        return Vector(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5
    def __eq__(self, other):
        return isinstance(other, Vector) and self.c == other.c
    def __hash__(self):
        return hash(self.c)
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __iter__(self):
        return iter(self.c)
    def __bool__(self):
        return any(self.c)

v = Vector(3, 4)
w = Vector(1, 2)
print(v + w, v - w, v * 2, 3 * w, abs(v))
print(v == Vector(3, 4), len({v, Vector(3, 4), w}), v[0], list(w), bool(Vector(0, 0)))
x, y = v
print(x, y)
