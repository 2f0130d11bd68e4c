from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), tuple(p))
print(p._asdict(), p._replace(x=10), Point._make([3, 4]), Point._fields)
print(isinstance(p, tuple), p == (1, 2), hash(p) == hash((1, 2)))
x, y = p
print(x + y, Point.__name__, Point.__doc__, type(p).__name__)
Person = namedtuple("Person", ["name", "age", "city"], defaults=["unknown"])
print(Person("ann", 30), Person("bob", 40, "rome"), Person._field_defaults)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__)
try:
    namedtuple("Bad", "x x")
except ValueError as e:
    print(e)
try:
    namedtuple("Bad", "def x")
except ValueError as e:
    print(e)
print(namedtuple("R", "a def a", rename=True)._fields)
try:
    p._replace(z=1)
except ValueError as e:
    print(e)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(Point.__module__)
