class Base:
    __slots__ = ('a',)

class WithDict(Base):
    pass

class Slotted(Base):
    __slots__ = ('b',)

w = WithDict()
w.a = 1
w.other = 2
print(w.a, w.other)
s = Slotted()
s.a, s.b = 1, 2
print(s.a, s.b)
try:
    s.c = 3
except AttributeError as e:
    print(e)
