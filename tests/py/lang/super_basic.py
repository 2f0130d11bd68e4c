class Base:
    def __init__(self, x):
        self.x = x
    def show(self):
        return "Base(%d)" % self.x

class Derived(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def show(self):
        return "Derived[" + super().show() + ", %d]" % self.y

d = Derived(1, 2)
print(d.x, d.y)
print(d.show())
print(super(Derived, d).show())
