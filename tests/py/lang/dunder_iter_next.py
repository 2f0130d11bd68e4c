class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)))
it = iter(Countdown(2))
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("stopped")

class Bag:
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        return iter(self.items)

print(sorted(Bag(3, 1, 2)), sum(Bag(1, 2, 3)), 2 in Bag(1, 2))
