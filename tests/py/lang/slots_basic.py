class Point:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(e)
print(hasattr(p, '__dict__'))
del p.y
try:
    p.y
except AttributeError as e:
    print(e)
print(Point.__slots__)
