print(round(3.7), round(-3.7), round(2.5), round(3.5), round(-0.5))
print(round(3.14159, 2), round(1234.5678, -2), round(5, -1), round(15, -1), round(25, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(0.125, 2), round(0.375, 2), round(1.005, 2))
class Q:
    def __round__(self, n=None):
        return "rounded %r" % n
print(round(Q()), round(Q(), 3))
