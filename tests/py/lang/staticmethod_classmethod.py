class Pizza:
    count = 0

    def __init__(self, size):
        self.size = size
        Pizza.count += 1

    @staticmethod
    def valid(size):
        return size in (8, 12, 16)

    @classmethod
    def small(cls):
        return cls(8)

    @classmethod
    def how_many(cls):
        return cls.count

class Special(Pizza):
    pass

p = Pizza.small()
s = Special.small()
print(type(p).__name__, type(s).__name__, p.size)
print(Pizza.valid(12), p.valid(5))
print(Pizza.how_many(), s.how_many())
print(type(Pizza.__dict__['valid']).__name__, type(Pizza.__dict__['small']).__name__)
