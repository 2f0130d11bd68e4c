# property.getter/setter copies: a doc that came from the getter is taken
# again from the new getter, also after a setter() copy.
class PropertyNewGetter(object):
    @property
    def spam(self):
        """original docstring"""
        return 1
    @spam.getter
    def spam(self):
        """new docstring"""
        return 8
print(PropertyNewGetter.spam.__doc__)
p = property(lambda s: 1, doc=None)
def g(s):
    "gdoc"
p2 = p.getter(g); print(p2.__doc__)
def f(s):
    "fdoc"
p3 = property(f); print(p3.__doc__); p4 = p3.getter(g); print(p4.__doc__)
class Base:
    @property
    def spam(self):
        """Base.getter"""
        return 1
    @spam.setter
    def spam(self, value):
        pass
class Sub(Base):
    @Base.spam.getter
    def spam(self):
        """Sub.getter"""
        return 2
print(Base.spam.__doc__, Sub.spam.__doc__, Sub().spam)
