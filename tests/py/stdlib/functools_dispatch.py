# functools.partialmethod (plain and classmethod targets) and
# singledispatch/singledispatchmethod: dispatch along the MRO, then
# registered abstract classes, and register()'s errors.
import functools, abc, collections.abc
class Cell:
    def __init__(self): self.alive = False
    def set_state(self, state): self.alive = bool(state)
    set_alive = functools.partialmethod(set_state, True)
    set_dead = functools.partialmethod(set_state, False)
    @classmethod
    def make(cls, x, y): return (cls.__name__, x, y)
    make1 = functools.partialmethod(make, 1)
c = Cell(); c.set_alive(); print(c.alive); c.set_dead(); print(c.alive)
print(Cell.make1(2), c.make1(3))
print(repr(Cell.__dict__["set_alive"]).split(" at ")[0])
@functools.singledispatch
def show(x): return "object"
@show.register(int)
def _(x): return "int"
@show.register(collections.abc.Sequence)
def _(x): return "sequence"
print(show(1), show(True), show("s"), show([1]), show(2.5), show.dispatch(bool).__name__)
try:
    show.register(3)
except TypeError as e: print(e)
class Fmt:
    @functools.singledispatchmethod
    def f(self, arg): return "default"
    @f.register(int)
    def _(self, arg): return "int %d" % arg
print(Fmt().f(5), Fmt().f("x"))
