from abc import ABC, ABCMeta, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return "%s of area %s" % (self.name(), self.area())

class Partial(Shape):
    def area(self):
        return 1

class Square(Partial):
    def name(self):
        return "square"

for cls in (Shape, Partial):
    try:
        cls()
    except TypeError as e:
        print(e)
print(Square().describe())
print(sorted(Shape.__abstractmethods__), sorted(Partial.__abstractmethods__), Square.__abstractmethods__)

class Base(metaclass=ABCMeta):
    @abstractmethod
    def run(self):
        pass

class Impl(Base):
    def run(self):
        return "ran"

try:
    Base()
except TypeError as e:
    print(e)
print(Impl().run(), isinstance(Impl(), Base), type(Base).__name__)
print(getattr(Shape.area, "__isabstractmethod__", False), getattr(Square.area, "__isabstractmethod__", False))
