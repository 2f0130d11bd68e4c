"""inspect for rcpy: the predicates (isclass, isfunction, isgenerator ...),
generator states, code flags, members, docstrings and frames, with
CPython 3.11's results for the object kinds rcpy has.

Left out: signature()/Signature, source retrieval (getsource, getfile of
modules without source), coroutines and async generators beyond the flags
(rcpy has no async) -- their absence raises AttributeError rather than
giving wrong answers.
"""

import sys
import types

__all__ = ["ismodule", "isclass", "ismethod", "isfunction", "isgenerator",
           "isgeneratorfunction", "iscoroutine", "iscoroutinefunction",
           "isasyncgen", "isasyncgenfunction", "isawaitable", "istraceback",
           "isframe", "iscode", "isbuiltin", "isroutine", "isabstract",
           "ismethoddescriptor", "isdatadescriptor", "isgetsetdescriptor",
           "ismemberdescriptor", "ismethodwrapper", "getmembers", "getmro",
           "getdoc", "cleandoc", "unwrap", "currentframe", "getgeneratorstate",
           "getgeneratorlocals", "getattr_static", "GEN_CREATED", "GEN_RUNNING",
           "GEN_SUSPENDED", "GEN_CLOSED"]

# Code object flags, as CPython's compiler sets them.
CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200

GEN_CREATED = "GEN_CREATED"
GEN_RUNNING = "GEN_RUNNING"
GEN_SUSPENDED = "GEN_SUSPENDED"
GEN_CLOSED = "GEN_CLOSED"

_WrapperDescriptorType = type(object.__init__)
_MethodWrapperType = type(object().__str__)
_MethodDescriptorType = type(str.join)
_ClassMethodDescriptorType = type(dict.__dict__["fromkeys"])


def ismodule(object):
    return isinstance(object, types.ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, types.MethodType)


def isfunction(object):
    return isinstance(object, types.FunctionType)


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    return False


def isasyncgen(object):
    return False


def isawaitable(object):
    return hasattr(type(object), "__await__")


def istraceback(object):
    return isinstance(object, types.TracebackType)


def isframe(object):
    return isinstance(object, types.FrameType)


def iscode(object):
    return isinstance(object, types.CodeType)


def isbuiltin(object):
    return isinstance(object, types.BuiltinFunctionType)


def ismethodwrapper(object):
    return isinstance(object, _MethodWrapperType)


def ismethoddescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__get__") and not hasattr(tp, "__set__")


def isdatadescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__set__") or hasattr(tp, "__delete__")


def isgetsetdescriptor(object):
    return False


def ismemberdescriptor(object):
    return False


def isroutine(object):
    return (isbuiltin(object) or isfunction(object) or ismethod(object)
            or ismethoddescriptor(object) or ismethodwrapper(object))


def isabstract(object):
    return bool(isinstance(object, type)
                and getattr(object, "__abstractmethods__", False))


def getmro(cls):
    return cls.__mro__


def getmembers(object, predicate=None):
    if isclass(object):
        mro = (object,) + getmro(object)
    else:
        mro = ()
    found = {}
    for name in dir(object):
        if name in found:
            continue
        try:
            value = getattr(object, name)
        except AttributeError:
            # a name dir() lists but getattr refuses: take it from the
            # namespace of the first class along the MRO that has it
            holder = next((k for k in mro if name in k.__dict__), None)
            if holder is None:
                continue
            value = holder.__dict__[name]
        if not predicate or predicate(value):
            found[name] = value
    return sorted(found.items(), key=lambda item: item[0])


def cleandoc(doc):
    rows = doc.expandtabs().split("\n")
    rows[0] = rows[0].lstrip()
    lead = [len(r) - len(r.lstrip()) for r in rows[1:] if r.lstrip()]
    if lead:
        cut = min(lead)
        rows[1:] = [r[cut:] for r in rows[1:]]
    lo, hi = 0, len(rows)
    while hi > lo and not rows[hi - 1]:
        hi -= 1
    while lo < hi and not rows[lo]:
        lo += 1
    return "\n".join(rows[lo:hi])


def getdoc(object):
    """The object's docstring, cleaned up; None when it has no str one."""
    doc = getattr(object, "__doc__", None)
    return cleandoc(doc) if isinstance(doc, str) else None


def unwrap(func, *, stop=None):
    f = func
    memo = {id(f): f}
    limit = sys.getrecursionlimit()
    while hasattr(func, "__wrapped__") and not (stop and stop(func)):
        func = func.__wrapped__
        if id(func) in memo or len(memo) >= limit:
            raise ValueError("wrapper loop when unwrapping {!r}".format(f))
        memo[id(func)] = func
    return func


def currentframe():
    return sys._getframe(1)


def getgeneratorstate(generator):
    """GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED or GEN_CLOSED."""
    if generator.gi_running:
        state = GEN_RUNNING
    elif generator.gi_suspended:
        state = GEN_SUSPENDED
    elif generator.gi_frame is None:
        state = GEN_CLOSED
    else:
        state = GEN_CREATED
    return state


def getgeneratorlocals(generator):
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = generator.gi_frame
    return frame.f_locals if frame is not None else {}


_sentinel = object()


def getattr_static(obj, attr, default=_sentinel):
    """attr from obj's own __dict__ or its class's MRO, without calling
    descriptors or __getattr__."""
    klass = obj if isinstance(obj, type) else type(obj)
    if not isinstance(obj, type):
        try:
            own = object.__getattribute__(obj, "__dict__")
        except AttributeError:
            own = {}
        if isinstance(own, dict) and attr in own:
            return own[attr]
    for base in type.__dict__["__mro__"].__get__(klass):
        if attr in base.__dict__:
            return base.__dict__[attr]
    if isinstance(obj, type):
        for base in type(obj).__mro__:
            if attr in base.__dict__:
                return base.__dict__[attr]
    if default is not _sentinel:
        return default
    raise AttributeError(attr)
