import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(5), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.lt(1, 2), operator.eq([1], [1]), operator.not_(0), operator.truth([]), operator.contains("abc", "b"))
print(operator.getitem({"k": 1}, "k"), operator.index(7), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
data = [("b", 2, 9), ("a", 3, 1), ("c", 1, 5)]
print(sorted(data, key=itemgetter(1)), sorted(data, key=itemgetter(0, 2))[0], itemgetter(1, 0)(data[0]))

class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting, punct="!"):
        return greeting + " " + self.name + punct

ps = [P("zed"), P("amy"), P("bob", P("deep"))]
print([p.name for p in sorted(ps, key=attrgetter("name"))], attrgetter("inner.name")(ps[2]))
print(methodcaller("greet", "hi")(ps[0]), methodcaller("greet", "yo", punct="?")(ps[1]))
print(repr(itemgetter(1)), repr(attrgetter("a", "b")), repr(methodcaller("m", 1, k=2)))
lst = [1, 2, 3]
operator.setitem(lst, 0, 10)
operator.delitem(lst, 1)
print(lst)


class Position:
    def __index__(self):
        return 2


class Wrong:
    def __index__(self):
        return "2"


print(operator.index(Position()), operator.index(True))
for bad in (Wrong(), 2.5, "2"):
    try:
        operator.index(bad)
    except TypeError as exc:
        print(exc)

# dunder aliases, in-place forms, call and length_hint
print(operator.__lt__(1, 2), operator.__add__(2, 3), operator.__not__(0),
      operator.__getitem__("abc", 1), operator.__eq__ is operator.eq)
items = [1]
print(operator.iadd(items, [2]) is items, items, operator.iadd(1, 2),
      operator.ipow(2, 5), operator.ixor(6, 3), operator.iconcat([1], (2,)))
print(operator.call(max, 3, 9, key=lambda v: -v))


class Hinted:
    def __length_hint__(self):
        return 7


print(operator.length_hint([1, 2]), operator.length_hint(Hinted()),
      operator.length_hint(object(), 5))
