from abc import ABC, abstractmethod

class Base(ABC):
    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...

    @property
    @abstractmethod
    def size(self):
        ...

class Done(Base):
    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return "helped"

    @property
    def size(self):
        return 3

try:
    Base()
except TypeError as e:
    print(e)
d = Done.make()
print(d.size, d.helper(), Done.__abstractmethods__)
