# Iterators whose callable or source exhausts the very iterator mid-step
# (CPython's gh-101892 and friends) end cleanly, with CPython's results.


def spam():
    if spam.again:
        return 2
    spam.again = True
    print("inner", list(spam.it))
    return 1


spam.again = False
spam.it = iter(spam, 2)
try:
    print(next(spam.it))
except StopIteration:
    print("StopIteration")


class Source:
    """Yields its items; on the second one, first drains `outer`."""

    def __init__(self, name, items):
        self.name, self.items, self.outer, self.i = name, items, None, 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= len(self.items):
            raise StopIteration
        self.i += 1
        if self.i == 2:
            print("inner", self.name, list(self.outer))
        return self.items[self.i - 1]


src = Source("map", [1, 2, 3])
src.outer = m = map(lambda x: x * 10, src)
print(list(m))


def keep(x):
    print("inner filter", list(f))
    return True


f = filter(keep, [1, 2, 3])
print(list(f))

src = Source("zip", ["a", "b", "c"])
src.outer = z = zip(src, "xyz")
print(list(z))
src = Source("zip2", ["a", "b", "c"])
src.outer = z = zip("xyz", src, strict=True)
try:
    print(list(z))
except ValueError as exc:
    print("ValueError", exc)

src = Source("enumerate", ["p", "q", "r"])
src.outer = e = enumerate(src)
print(list(e))


class Seq:
    def __len__(self):
        return 3

    drained = False

    def __getitem__(self, i):
        if i == 1 and not Seq.drained:
            Seq.drained = True
            print("inner reversed", list(r))
        return i * 100


r = reversed(Seq())
print(list(r))


class Eq:
    drained = False

    def __eq__(self, other):
        if not Eq.drained:
            Eq.drained = True
            print("inner eq", list(c))
        return other == 3


def count():
    count.n += 1
    return count.n


count.n = 0
c = iter(count, Eq())
print(next(c), next(c, "done"))
