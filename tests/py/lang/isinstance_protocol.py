# isinstance/issubclass beyond plain classes: __class__ overrides (proxies,
# properties), objects that act as classes through __bases__, metaclass
# hooks called through the recursion guard, and the errors for non-classes.
import weakref


class Base:
    pass


class Derived(Base):
    pass


target = Base()
proxy = weakref.proxy(target)
print(isinstance(proxy, Base), isinstance(proxy, Derived),
      isinstance(proxy, weakref.ProxyType))


class Pretender:
    __class__ = Derived


print(isinstance(Pretender(), Base), isinstance(Pretender(), Pretender),
      issubclass(Pretender, Base))


class ClassLike:
    """Not a class, but has __bases__ and makes 'instances'."""

    def __init__(self, *bases):
        self.parents = bases

    @property
    def __bases__(self):
        return self.parents

    def make(self):
        return ThingOf(self)


class ThingOf:
    def __init__(self, kind):
        self.kind = kind

    @property
    def __class__(self):
        return self.kind


root = ClassLike()
middle = ClassLike(root)
leaf = ClassLike(ClassLike(), middle)
print(isinstance(leaf.make(), root), isinstance(root.make(), leaf),
      issubclass(leaf, root), issubclass(root, leaf), issubclass(leaf, leaf))
print(isinstance(leaf.make(), (int, root)), issubclass(middle, (str, root)))

for func, args in ((isinstance, (1, 5)), (isinstance, (1, "int")),
                   (issubclass, (1, int)), (issubclass, (int, 5)),
                   (issubclass, ("x", root))):
    try:
        func(*args)
    except TypeError as exc:
        print(func.__name__, "TypeError:", exc)


class SelfParent:
    @property
    def __bases__(self):
        return (self, self)


try:
    issubclass(SelfParent(), int)
except RecursionError:
    print("cycle of bases: RecursionError")


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "yes"

    def __subclasscheck__(cls, sub):
        return sub is str


class Checked(metaclass=Meta):
    pass


print(isinstance("yes", Checked), isinstance("no", Checked),
      isinstance("yes", (int, Checked)), issubclass(str, Checked),
      issubclass(int, Checked), issubclass(Checked, Checked))
print(type.__instancecheck__(Base, proxy), type.__subclasscheck__(Base, Derived),
      type.__instancecheck__(Checked, "yes"))
print(isinstance(True, int), issubclass(bool, (str, int)),
      isinstance(None, type(None)), issubclass(Derived, (Derived,)))
