class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        cls.created_by = mcls.__name__
        return cls
    def __call__(cls, *args):
        print("creating", cls.__name__, args)
        return super().__call__(*args)

class Base(metaclass=Registry):
    def __init__(self, x=0):
        self.x = x

class Child(Base):
    pass

print(Registry.classes, Child.created_by, type(Child).__name__)
c = Child(5)
print(c.x, isinstance(Child, Registry), isinstance(c, Base))
