"""abc for rcpy: abstract base classes as CPython 3.11 has them for
ordinary programs -- ABC, ABCMeta, abstractmethod -- so that a class
with abstract methods cannot be instantiated ("Can't instantiate
abstract class B with abstract methods f, g").

A class's __abstractmethods__ is computed when it is created (by
ABCMeta, or by ABC's __init_subclass__): its own attributes marked
abstract, and the inherited abstract names it does not override; the
interpreter refuses to instantiate a class whose set is not empty.
Virtual subclasses (register, __subclasshook__) are not provided.
"""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod",
           "abstractstaticmethod", "abstractproperty", "get_cache_token"]


def abstractmethod(funcobj):
    """Marks a method abstract."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _abstract_names(cls):
    """The abstract methods of cls: its own, and its bases' that it
    leaves abstract."""
    abstracts = set()
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """The metaclass of abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstract_names(cls)
        return cls


class ABC:
    """A base class making its subclasses abstract base classes (without
    a metaclass: the abstract methods are found by __init_subclass__)."""

    __slots__ = ()

    def __init_subclass__(cls, /, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.__abstractmethods__ = _abstract_names(cls)


def get_cache_token():
    return 0
