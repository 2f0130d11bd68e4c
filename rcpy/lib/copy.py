"""copy for rcpy: shallow and deep copies as CPython 3.11's copy module
makes them.

Atomic values (numbers, strings, None, functions, classes, ranges) are
returned as they are; lists, dicts, sets and tuples are rebuilt; other
objects use __copy__/__deepcopy__ when they define them, else a new
instance of the same class (made with cls.__new__) gets a copy of the
__dict__. deepcopy keeps a memo so shared and cyclic structures keep their
shape. __reduce_ex__-based copying of other objects is not provided.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

def _is_atomic(x):
    if isinstance(x, (type(None), int, float, bool, str, type, range,
                      type(Ellipsis))):
        return True
    return callable(x) and type(x).__name__ in (
        "function", "builtin_function_or_method")


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if _is_atomic(x) or cls is tuple or cls is frozenset:
        return x
    if cls in (list, dict, set):
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _copy_instance(x, None)


def _copy_instance(x, memo):
    cls = type(x)
    y = cls.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    state = getattr(x, "__dict__", None)
    if state:
        if memo is not None:
            state = deepcopy(state, memo)
        y.__dict__.update(state)
    for klass in cls.__mro__:
        for name in klass.__dict__.get("__slots__", ()):
            if name in ("__dict__", "__weakref__") or not hasattr(x, name):
                continue
            value = getattr(x, name)
            setattr(y, name, value if memo is None else deepcopy(value, memo))
    return y


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
    if _is_atomic(x):
        y = x
    elif cls is list:
        y = memo[d] = []
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if d in memo:
            return memo[d]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = memo[d] = {}
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls in (set, frozenset):
        y = cls(deepcopy(item, memo) for item in x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _copy_instance(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Keeps x alive while memo is (its id must not be reused)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
