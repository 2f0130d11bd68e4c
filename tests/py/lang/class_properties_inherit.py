class Base:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        self._v = value

class Doubled(Base):
    @property
    def v(self):
        return super().v * 2

class Extended(Base):
    @Base.v.setter
    def v(self, value):
        self._v = value * 10

d = Doubled()
print(d.v)
try:
    d.v = 5
except AttributeError as e:
    print(e)
x = Extended()
x.v = 3
print(x.v, Base().v)
