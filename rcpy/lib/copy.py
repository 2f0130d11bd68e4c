"""copy for rcpy: shallow and deep copies as CPython 3.11's copy module
makes them.

Atomic values (numbers, strings, None, functions, classes, ranges,
slices, weak references...) are returned as they are; lists, dicts, sets
and tuples are rebuilt; other objects use __copy__/__deepcopy__ when they
define them, else the reduce protocol: copyreg.dispatch_table, then
__reduce_ex__(4) or __reduce__, and the value is rebuilt by _reconstruct
(__setstate__, or the state going into __dict__ and __slots__). rcpy's
`object` has no __reduce_ex__ of its own, so _object_reduce stands for
it: it gives what CPython's object.__reduce_ex__(4) gives
(copyreg.__newobj__ with __getnewargs__/__getnewargs_ex__, __getstate__
or the __dict__ and slot values, the items of list and dict subclasses).
deepcopy keeps a memo so shared and cyclic structures keep their shape.
"""

import types
import weakref
from copyreg import dispatch_table
import copyreg

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_copy_dispatch = d = {}


def _copy_immutable(x):
    return x


for t in (type(None), int, float, bool, str, tuple, frozenset, type, range,
          slice, property,
          types.BuiltinFunctionType, type(Ellipsis), type(NotImplemented),
          types.FunctionType, weakref.ref):
    d[t] = _copy_immutable
d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
del d, t


def _reduce(x, cls):
    """The reduce value of x: the registry's, x's own __reduce_ex__(4) or
    __reduce__, else what object's would be."""
    reductor = dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor is not None:
        return reductor()
    return _object_reduce(x, cls)


_VALUE_BASES = (int, float, str, tuple, frozenset)


def _object_reduce(x, cls):
    """object.__reduce_ex__(4) as CPython computes it (and the __reduce__
    of set, frozenset and slice, which rcpy's lack)."""
    if cls is slice:
        return slice, (x.start, x.stop, x.step)
    for base in cls.__mro__:
        if base is set or base is frozenset:
            return cls, (list(x),), getattr(x, "__dict__", None) or None
    if cls.__module__ == "builtins":  # a C type with no reduce of its own
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    getnewargs_ex = getattr(x, "__getnewargs_ex__", None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
        func, fargs = copyreg.__newobj_ex__, (cls, tuple(args), dict(kwargs))
    else:
        getnewargs = getattr(x, "__getnewargs__", None)
        if getnewargs is not None:
            args = tuple(getnewargs())
        else:
            args = ()
            for base in cls.__mro__:
                if base in _VALUE_BASES:
                    args = (base(x),)
                    break
        func, fargs = copyreg.__newobj__, (cls,) + args
    getstate = getattr(x, "__getstate__", None)
    if getstate is not None:
        state = getstate()
    else:
        state = getattr(x, "__dict__", None) or None
        slots = {}
        for name in copyreg._slotnames(cls):
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return func, fargs, state, listitems, dictitems


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: containers and instances copied recursively,
    each object once (memo)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x


for t in (type(None), type(Ellipsis), type(NotImplemented), int, float,
          bool, str, type, range, types.BuiltinFunctionType,
          types.FunctionType, weakref.ref, property):
    d[t] = _deepcopy_atomic


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


d[dict] = _deepcopy_dict


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


d[types.MethodType] = _deepcopy_method
del d, t


def _keep_alive(x, memo):
    """Keeps x alive while memo is (its id must not be reused)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None,
                 dictiter=None, *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
