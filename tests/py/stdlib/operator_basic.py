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
