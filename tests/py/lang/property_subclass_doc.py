# Subclasses of property keep the getter's doc in their own __dict__ (their
# class docstring would shadow it), carry attributes, and fail with __slots__;
# weakref.ref subclasses get attributes unless __slots__ says otherwise.
import weakref
class PropertySub(property):
    """This is a subclass of property"""
class PropertySubSlots(property):
    """slots"""
    __slots__ = ()
class Foo:
    @PropertySub
    def spam(self):
        """spam doc"""
        return 1
    @spam.setter
    def spam(self, v): pass
print(Foo.spam.__doc__, Foo().spam, PropertySub.__doc__)
Foo.spam.tag = 5; print(Foo.spam.tag, Foo.spam.__dict__)
try:
    class Bar:
        @PropertySubSlots
        def spam(self):
            """x"""
except AttributeError as e: print("AttributeError", e)
p = property(lambda s: 1, doc="d")
try: p.x = 1
except AttributeError as e: print(e)
class R(weakref.ref):
    __slots__ = ("tag",)
class R2(weakref.ref): pass
o = Foo()
r = R(o); r.tag = 1
try: r.other = 1
except AttributeError as e: print(e)
r2 = R2(o); r2.x = 3; print(r2.x, r2.__dict__)
try: weakref.ref(o).x = 1
except AttributeError as e: print(e)
class Base:
    @property
    def getter(self):
        "BaseClass.getter"
        return 1
class Sub(Base):
    @Base.getter.getter
    def getter(self):
        "SubClass.getter"
        return 2
print(Sub.getter.__doc__, Sub().getter)
