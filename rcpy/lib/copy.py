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
    maker = _copy_dispatch.get(cls)
    if maker is None and issubclass(cls, type):
        maker = _copy_immutable  # classes are never copied
    if maker is None:
        maker = getattr(cls, "__copy__", None)
    if maker is not None:
        return maker(x)
    reduced = _reduce(x, cls)
    return x if isinstance(reduced, str) else _reconstruct(x, None, *reduced)


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


_MISSING = object()


def deepcopy(x, memo=None):
    """A deep copy of x: containers and instances copied recursively,
    each object once (memo maps id(original) to its copy)."""
    if memo is None:
        memo = {}
    done = memo.get(id(x), _MISSING)
    if done is not _MISSING:
        return done
    result = _deep_copy_new(x, memo)
    if result is not x:
        memo[id(x)] = result
        _keep_alive(x, memo)
    return result


def _deep_copy_new(x, memo):
    cls = type(x)
    maker = _deepcopy_dispatch.get(cls)
    if maker is not None:
        return maker(x, memo)
    if issubclass(cls, type):
        return x
    own = getattr(x, "__deepcopy__", None)
    if own is not None:
        return own(memo)
    reduced = _reduce(x, cls)
    return x if isinstance(reduced, str) else _reconstruct(x, memo, *reduced)


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo):
    fresh = []
    memo[id(x)] = fresh  # before the items: they may refer back to x
    for item in x:
        fresh.append(deepcopy(item, memo))
    return fresh


def _deepcopy_tuple(x, memo):
    items = [deepcopy(item, memo) for item in x]
    if id(x) in memo:  # an item's copy already made one (a cycle)
        return memo[id(x)]
    if all(new is old for new, old in zip(items, x)):
        return x  # nothing inside changed: the tuple itself will do
    return tuple(items)


def _deepcopy_dict(x, memo):
    fresh = {}
    memo[id(x)] = fresh
    for key in x:
        fresh[deepcopy(key, memo)] = deepcopy(x[key], memo)
    return fresh


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = {list: _deepcopy_list, tuple: _deepcopy_tuple,
                      dict: _deepcopy_dict,
                      types.MethodType: _deepcopy_method}
for _atomic in (type(None), type(Ellipsis), type(NotImplemented), int,
                float, bool, str, type, range, types.BuiltinFunctionType,
                types.FunctionType, weakref.ref, property):
    _deepcopy_dispatch[_atomic] = _deepcopy_atomic
del _atomic


def _keep_alive(x, memo):
    """Keeps x alive as long as memo (so its id is not reused meanwhile)."""
    memo.setdefault(id(memo), []).append(x)


def _set_state(y, state):
    """Applies a reduce value's state: __setstate__, or the (dict, slots)
    pair going into __dict__ and the slots."""
    setter = getattr(y, "__setstate__", None)
    if setter is not None:
        setter(state)
        return
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state is not None:
        y.__dict__.update(state)
    for name, value in (slots or {}).items():
        setattr(y, name, value)


def _reconstruct(x, memo, func, args, state=None, listiter=None,
                 dictiter=None):
    """Rebuilds x from its reduce value; deep when memo is not None."""
    if memo is None:
        def same(v):
            return v
    else:
        def same(v):
            return deepcopy(v, memo)
    y = func(*(same(args) if args else args))
    if memo is not None:
        memo[id(x)] = y
    if state is not None:
        _set_state(y, same(state))
    for item in listiter if listiter is not None else ():
        y.append(same(item))
    for key, value in dictiter if dictiter is not None else ():
        y[same(key)] = same(value)
    return y
