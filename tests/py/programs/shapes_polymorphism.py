import math

class Shape:
    def area(self):
        raise NotImplementedError
    def __str__(self):
        return "%s with area %.2f" % (type(self).__name__, self.area())

class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)

shapes = [Circle(1), Rect(2, 3), Square(4)]
for s in shapes:
    print(s)
print(sum(s.area() for s in shapes) > 25)
try:
    Shape().area()
except NotImplementedError:
    print("abstract area")
print(sorted(shapes, key=lambda s: s.area())[0])
