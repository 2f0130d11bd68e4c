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


def abstractclassmethod(callable):
    """Deprecated in CPython (use @classmethod over @abstractmethod): a
    classmethod whose function is marked abstract."""
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """Deprecated in CPython: a staticmethod whose function is abstract."""
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """Deprecated in CPython: a property whose getter is abstract."""
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


def _is_abstract(value):
    """Is value, or the function a classmethod, staticmethod or property
    wraps, marked abstract?"""
    if getattr(value, "__isabstractmethod__", False):
        return True
    for attr in ("__func__", "fget"):
        if getattr(getattr(value, attr, None), "__isabstractmethod__", False):
            return True
    return False


def _abstract_names(cls):
    """The abstract methods of cls: its own, and its bases' that it
    leaves abstract."""
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
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
