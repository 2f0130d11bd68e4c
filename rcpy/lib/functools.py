"""functools for rcpy: reduce, partial, wraps/update_wrapper, lru_cache and
cache, total_ordering, cmp_to_key and cached_property, with CPython 3.11's
behaviour and messages.

lru_cache keeps its entries in a dict ordered by use (a hit moves the key
to the end, the oldest is evicted first), which gives CPython's hits,
misses and eviction order; cache keys are built from the positional and
keyword arguments as CPython's _make_key builds them (typed= adds the
types). singledispatch and partialmethod are not provided.
"""

from collections import namedtuple

__all__ = ["reduce", "partial", "wraps", "update_wrapper", "lru_cache",
           "cache", "total_ordering", "cmp_to_key", "cached_property",
           "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES"]

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__",
                       "__annotations__")
WRAPPER_UPDATES = ("__dict__",)

_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    """Applies function cumulatively to the items, left to right."""
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial "
                            "value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Copies wrapped's name, doc and attributes to wrapper, and sets
    wrapper.__wrapped__."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorator


class partial:
    """A callable that calls func with some arguments already given."""

    __module__ = "functools"

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = dict(func.keywords, **keywords)
            func = func.func
        self = super().__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = dict(self.keywords, **keywords)
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(x) for x in self.args)
        parts.extend("%s=%r" % (k, v) for k, v in self.keywords.items())
        return "functools.%s(%s)" % (type(self).__name__, ", ".join(parts))


_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize",
                                      "currsize"])


class _HashedSeq(list):
    """A cache key: a list of the arguments that hashes once."""

    __slots__ = ("hashvalue",)

    def __init__(self, tup):
        self[:] = tup
        self.hashvalue = hash(tup)

    def __hash__(self):
        return self.hashvalue


_kwd_mark = (object(),)


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += _kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return _HashedSeq(key)


def lru_cache(maxsize=128, typed=False):
    """Memoises a function, keeping the maxsize most recently used
    results (all of them when maxsize is None)."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _lru_wrapper(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a "
                        "callable, or None")

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating_function


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]
    missing = object()

    def wrapper(*args, **kwds):
        if maxsize == 0:
            stats[1] += 1
            return user_function(*args, **kwds)
        key = _make_key(args, kwds, typed)
        result = cache.pop(key, missing)
        if result is not missing:
            stats[0] += 1
            cache[key] = result
            return result
        stats[1] += 1
        result = user_function(*args, **kwds)
        cache[key] = result
        if maxsize is not None and len(cache) > maxsize:
            del cache[next(iter(cache))]
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
    return update_wrapper(wrapper, user_function)


def cache(user_function, /):
    """An unbounded lru_cache."""
    return lru_cache(maxsize=None)(user_function)


_ORDER_FROM = {
    "__lt__": [("__gt__", lambda s, o: _not_op_and_not_eq(s, o, "__lt__")),
               ("__le__", lambda s, o: _op_or_eq(s, o, "__lt__")),
               ("__ge__", lambda s, o: _not_op(s, o, "__lt__"))],
    "__le__": [("__ge__", lambda s, o: _not_op_or_eq(s, o, "__le__")),
               ("__lt__", lambda s, o: _op_and_not_eq(s, o, "__le__")),
               ("__gt__", lambda s, o: _not_op(s, o, "__le__"))],
    "__gt__": [("__lt__", lambda s, o: _not_op_and_not_eq(s, o, "__gt__")),
               ("__ge__", lambda s, o: _op_or_eq(s, o, "__gt__")),
               ("__le__", lambda s, o: _not_op(s, o, "__gt__"))],
    "__ge__": [("__le__", lambda s, o: _not_op_or_eq(s, o, "__ge__")),
               ("__gt__", lambda s, o: _op_and_not_eq(s, o, "__ge__")),
               ("__lt__", lambda s, o: _not_op(s, o, "__ge__"))],
}


def _call(self, other, name):
    return getattr(type(self), name)(self, other)


def _not_op_and_not_eq(self, other, name):
    r = _call(self, other, name)
    if r is NotImplemented:
        return r
    return not r and self != other


def _op_or_eq(self, other, name):
    r = _call(self, other, name)
    if r is NotImplemented:
        return r
    return r or self == other


def _not_op(self, other, name):
    r = _call(self, other, name)
    if r is NotImplemented:
        return r
    return not r


def _not_op_or_eq(self, other, name):
    r = _call(self, other, name)
    if r is NotImplemented:
        return r
    return not r or self == other


def _op_and_not_eq(self, other, name):
    r = _call(self, other, name)
    if r is NotImplemented:
        return r
    return r and self != other


def total_ordering(cls):
    """Fills in the missing ordering methods from the one defined."""
    roots = set()
    for op in _ORDER_FROM:
        for klass in cls.__mro__:
            if klass is not object and op in klass.__dict__ and \
                    klass.__dict__[op] is not None:
                roots.add(op)
                break
    if not roots:
        raise ValueError("must define at least one ordering operation: "
                         "< > <= >=")
    root = max(roots)
    for opname, opfunc in _ORDER_FROM[root]:
        if opname not in roots:
            setattr(cls, opname, opfunc)
    return cls


def cmp_to_key(mycmp):
    """A key class for sorted() from an old-style comparison function."""
    class K:
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


class cached_property:
    """A property computed once per instance and then kept in its
    __dict__."""

    __module__ = "functools"

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError("Cannot assign the same cached_property to two "
                            "different names (%r and %r)."
                            % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without "
                            "calling __set_name__ on it.")
        cache = instance.__dict__
        if self.attrname in cache:
            return cache[self.attrname]
        value = self.func(instance)
        cache[self.attrname] = value
        return value
