"""typing for rcpy: the names programs import for their annotations (Any,
Optional, Union, List, Dict, Tuple, Callable, TypeVar ...), so that
`from typing import List` and aliases such as `Vector = List[float]` work.

rcpy does not evaluate annotations, so these objects only need to exist,
be subscriptable and print as CPython's do ("typing.List[float]"); they
do no type checking. cast, TYPE_CHECKING, NoReturn, overload and
get_type_hints (which returns {}) are there too; NamedTuple, TypedDict
and Protocol are not provided.
"""

__all__ = ["Any", "Callable", "ClassVar", "Dict", "FrozenSet", "Generic",
           "Iterable", "Iterator", "List", "Literal", "Mapping", "NoReturn",
           "Optional", "Sequence", "Set", "Tuple", "Type", "TypeVar", "Union",
           "cast", "overload", "get_type_hints", "TYPE_CHECKING"]

TYPE_CHECKING = False


def _name(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is Ellipsis:
        return "..."
    return repr(obj)


class _Alias:
    """A subscripted form: typing.List[int]."""

    def __init__(self, origin, name, args):
        self.__origin__ = origin
        self._name = name
        self.__args__ = args

    def __repr__(self):
        return "typing.%s[%s]" % (self._name, ", ".join(
            "[%s]" % ", ".join(_name(x) for x in a) if isinstance(a, list)
            else _name(a) for a in self.__args__))

    def __getitem__(self, params):
        return _Alias(self.__origin__, self._name,
                      params if isinstance(params, tuple) else (params,))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        return isinstance(other, _Alias) and \
            (self.__origin__, self.__args__) == (other.__origin__,
                                                 other.__args__)

    def __hash__(self):
        return hash((self._name, self.__args__))


class _Special:
    """An unsubscripted form: typing.List, typing.Any ..."""

    def __init__(self, name, origin=None):
        self._name = name
        self.__origin__ = origin

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Optional":
            return _Alias(None, "Optional", params)
        return _Alias(self.__origin__, self._name, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError("Cannot instantiate %r" % self)
        return self.__origin__(*args, **kwargs)


Any = _Special("Any")
NoReturn = _Special("NoReturn")
ClassVar = _Special("ClassVar")
Optional = _Special("Optional")
Union = _Special("Union")
Literal = _Special("Literal")
Callable = _Special("Callable")
List = _Special("List", list)
Dict = _Special("Dict", dict)
Set = _Special("Set", set)
FrozenSet = _Special("FrozenSet", frozenset)
Tuple = _Special("Tuple", tuple)
Type = _Special("Type", type)
Iterable = _Special("Iterable")
Iterator = _Special("Iterator")
Sequence = _Special("Sequence")
Mapping = _Special("Mapping")


class TypeVar:
    """A type variable: only its name is kept."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return "~" + self.__name__


class Generic:
    """Base of generic classes: Generic[T] is Generic itself."""

    def __class_getitem__(cls, params):
        return cls


def cast(typ, val):
    return val


def overload(func):
    return func


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, "__annotations__", {}))
