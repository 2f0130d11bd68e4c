class Circle:
    def __init__(self, r):
        self._r = r

    @property
    def radius(self):
        return self._r

    @radius.setter
    def radius(self, value):
        if value < 0:
            raise ValueError("negative radius")
        self._r = value

    @radius.deleter
    def radius(self):
        print("deleting")
        del self._r

    @property
    def area(self):
        return 3 * self._r ** 2

c = Circle(2)
print(c.radius, c.area)
c.radius = 3
print(c.radius, c.area)
try:
    c.radius = -1
except ValueError as e:
    print(e)
try:
    c.area = 5
except AttributeError as e:
    print(e)
del c.radius
print(hasattr(c, "_r"))
print(type(Circle.radius).__name__)
