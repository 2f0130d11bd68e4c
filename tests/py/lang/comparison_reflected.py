class Small:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("Small.__lt__")
        return self.v < other.v
    def __gt__(self, other):
        print("Small.__gt__")
        return self.v > other.v

class Plain:
    def __init__(self, v):
        self.v = v

print(Plain(1) < Small(2))
print(Small(1) > Plain(0))

class Eq:
    def __eq__(self, other):
        print("Eq.__eq__")
        return NotImplemented

print(Eq() == Eq())
e = Eq()
print(e == e, e != Eq())

class Ne:
    def __eq__(self, other):
        return True

print(Ne() != Ne(), Ne() == 5, 5 == Ne())

class Sub(Small):
    def __gt__(self, other):
        print("Sub.__gt__ (reflected first: subclass)")
        return True

print(Small(5) < Sub(1))
