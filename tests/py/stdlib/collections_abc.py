# collections.abc: builtins registered as virtual subclasses, subclass
# hooks, mixin methods of Mapping/Sequence/Set, abc.register.
import abc
import collections
from collections.abc import (Hashable, Iterable, Iterator, Sized, Container,
                             Collection, Callable, Sequence, MutableSequence,
                             Mapping, MutableMapping, Set, MutableSet,
                             Generator, Reversible)

samples = [[], (), "", {}, set(), frozenset(), range(3), {}.keys(),
           {}.values(), {}.items(), iter([]), (x for x in ()), len, 3]
for abc_cls in (Iterable, Iterator, Sized, Container, Collection,
                Callable, Sequence, MutableSequence, Mapping, MutableMapping,
                Set, MutableSet, Generator, Reversible):
    print(abc_cls.__name__, [isinstance(s, abc_cls) for s in samples])
print(collections.abc is __import__("collections.abc").abc)


class OnlyLen:
    def __len__(self):
        return 0


class Unhashable:
    __hash__ = None


print(issubclass(OnlyLen, Sized), issubclass(OnlyLen, Iterable),
      isinstance(Unhashable(), Hashable))


class Word(Sequence):
    def __init__(self, text):
        self.text = text

    def __getitem__(self, i):
        return self.text[i]

    def __len__(self):
        return len(self.text)


w = Word("banana")
print(list(w), "n" in w, w.index("n"), w.count("a"), list(reversed(w)))


class Box(MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


b = Box()
b.update({"x": 1}, y=2)
print(b.setdefault("z", 3), b.pop("x"), sorted(b.items()), b == {"y": 2, "z": 3})
print(sorted(b.keys() & {"y", "q"}), "y" in b.keys(), 2 in b.values())


class Bits(Set):
    def __init__(self, items=()):
        self.items = list(dict.fromkeys(items))

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


s = Bits([1, 2, 3])
print(sorted(s | {4}), sorted(s & {2, 3, 9}), sorted(s - {1}), s <= {1, 2, 3, 4},
      s == {3, 2, 1}, s.isdisjoint([7]))


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...


class Circle:
    def area(self):
        return 3


print(isinstance(Circle(), Shape))
Shape.register(Circle)
print(isinstance(Circle(), Shape), issubclass(Circle, Shape), type(Shape).__name__)
try:
    Shape.register(3)
except TypeError as exc:
    print(exc)
try:
    Shape()
except TypeError as exc:
    print(exc)
