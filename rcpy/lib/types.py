"""types for rcpy: names for the interpreter's object kinds, found the
way CPython's own types module finds them (the type of an example
object), plus SimpleNamespace, new_class/prepare_class/resolve_bases
and DynamicClassAttribute with CPython 3.11's behaviour.

Kinds rcpy does not have (coroutines, async generators) are left out
rather than faked.
"""

import sys

__all__ = ["FunctionType", "LambdaType", "CodeType", "MappingProxyType",
           "SimpleNamespace", "CellType", "GeneratorType", "MethodType",
           "BuiltinFunctionType", "BuiltinMethodType", "ModuleType",
           "TracebackType", "FrameType", "NoneType", "EllipsisType",
           "NotImplementedType", "GenericAlias", "UnionType",
           "WrapperDescriptorType", "MethodWrapperType",
           "MethodDescriptorType", "ClassMethodDescriptorType",
           "GetSetDescriptorType", "MemberDescriptorType", "new_class",
           "resolve_bases",
           "prepare_class", "DynamicClassAttribute"]


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)


def _cell_factory():
    a = 1

    def f():
        nonlocal a
    return f.__closure__[0]


CellType = type(_cell_factory())


def _g():
    yield 1


GeneratorType = type(_g())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
GenericAlias = type(list[int])
UnionType = type(int | str)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__["fromkeys"])
GetSetDescriptorType = type(FunctionType.__dict__["__code__"])


class _Slotted:
    __slots__ = ("member",)


MemberDescriptorType = type(_Slotted.__dict__["member"])
del _Slotted


def _tb_and_frame():
    try:
        raise TypeError
    except TypeError as exc:
        tb = exc.__traceback__
        return type(tb), type(tb.tb_frame)


TracebackType, FrameType = _tb_and_frame()
try:
    MappingProxyType = type(type.__dict__)
except AttributeError:
    pass
del _f, _cell_factory, _g, _C, _tb_and_frame


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        name = ("namespace" if type(self) is SimpleNamespace
                else type(self).__name__)
        if getattr(self, "_SimpleNamespace__repr_running", False):
            return "%s(...)" % name
        self.__dict__["_SimpleNamespace__repr_running"] = True
        try:
            items = ["%s=%r" % (k, v) for k, v in self.__dict__.items()
                     if k != "_SimpleNamespace__repr_running"]
        finally:
            del self.__dict__["_SimpleNamespace__repr_running"]
        return "%s(%s)" % (name, ", ".join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(
                other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), dict(self.__dict__))


# ===================================================================== #
# Making classes dynamically                                             #
# ===================================================================== #

def resolve_bases(bases):
    """Expand every non-class base that defines __mro_entries__ (PEP 560);
    returns bases itself when nothing changes."""
    out = []
    changed = False
    for b in bases:
        if isinstance(b, type) or not hasattr(b, "__mro_entries__"):
            out.append(b)
            continue
        replacement = b.__mro_entries__(bases)
        changed = True
        if not isinstance(replacement, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        out.extend(replacement)
    return tuple(out) if changed else bases


def _calculate_meta(meta, bases):
    best = meta
    for b in bases:
        candidate = type(b)
        if issubclass(best, candidate):
            pass
        elif issubclass(candidate, best):
            best = candidate
        else:
            raise TypeError(
                "metaclass conflict: the metaclass of a derived class must "
                "be a (non-strict) subclass of the metaclasses of all its "
                "bases")
    return best


def prepare_class(name, bases=(), kwds=None):
    """Find the metaclass and run its __prepare__; gives back the triple
    (metaclass, namespace, remaining keywords)."""
    kwds = {} if kwds is None else dict(kwds)
    meta = kwds.pop("metaclass", _NO_META)
    if meta is _NO_META:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, "__prepare__"):
        namespace = meta.__prepare__(name, bases, **kwds)
    else:
        namespace = {}
    return meta, namespace, kwds


_NO_META = object()


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Build a class the way a class statement would."""
    real_bases = resolve_bases(bases)
    meta, namespace, kwds = prepare_class(name, real_bases, kwds)
    if exec_body is not None:
        exec_body(namespace)
    if real_bases is not bases:
        namespace["__orig_bases__"] = bases
    return meta(name, real_bases, namespace, **kwds)


class DynamicClassAttribute:
    """Property-like descriptor that raises AttributeError when read on
    the class, so that the class's __getattr__ takes over."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget, self.fset, self.fdel = fget, fset, fdel
        self.__doc__ = doc or getattr(fget, "__doc__", None)
        self.overwrite_doc = doc is None
        abstract = getattr(fget, "__isabstractmethod__", False)
        self.__isabstractmethod__ = bool(abstract)

    def __get__(self, instance, ownerclass=None):
        if instance is not None:
            if self.fget is None:
                raise AttributeError("unreadable attribute")
            return self.fget(instance)
        if self.__isabstractmethod__:
            return self
        raise AttributeError()

    def __set__(self, instance, value):
        setter = self.fset
        if setter is None:
            raise AttributeError("can't set attribute")
        setter(instance, value)

    def __delete__(self, instance):
        deleter = self.fdel
        if deleter is None:
            raise AttributeError("can't delete attribute")
        deleter(instance)

    def _clone(self, fget, fset, fdel, doc):
        twin = type(self)(fget, fset, fdel, doc)
        twin.overwrite_doc = self.overwrite_doc
        return twin

    def getter(self, fget):
        new_doc = fget.__doc__ if self.overwrite_doc else None
        return self._clone(fget, self.fset, self.fdel, new_doc or self.__doc__)

    def setter(self, fset):
        return self._clone(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return self._clone(self.fget, self.fset, fdel, self.__doc__)
