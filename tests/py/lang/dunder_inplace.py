class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
    def __isub__(self, other):
        self.items.remove(other)
        return self
    def __imul__(self, n):
        self.items = self.items * n
        return self

a = Acc()
ref = a
a += 1
a += 2
a -= 1
a *= 2
print(a.items, a is ref)

class NoInplace:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NoInplace(self.v + o)

x = NoInplace(1)
y = x
x += 5
print(x.v, y.v, x is y)
