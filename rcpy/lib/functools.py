"""functools for rcpy: reduce, partial, wraps/update_wrapper, lru_cache and
cache, total_ordering, cmp_to_key and cached_property, with CPython 3.11's
behaviour and messages.

lru_cache keeps its entries in a dict ordered by use (a hit moves the key
to the end, the oldest is evicted first), which gives CPython's hits,
misses and eviction order; cache keys are built from the positional and
keyword arguments as CPython's _make_key builds them (typed= adds the
types). partialmethod binds like the method it wraps; singledispatch
dispatches on the first argument's class along its MRO, then on the
abstract classes registered (without CPython's full ABC linearisation).
"""

from collections import namedtuple

__all__ = ["reduce", "partial", "wraps", "update_wrapper", "lru_cache",
           "cache", "total_ordering", "cmp_to_key", "cached_property",
           "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES", "partialmethod",
           "singledispatch", "singledispatchmethod"]

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__",
                       "__annotations__")
WRAPPER_UPDATES = ("__dict__",)

_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    """Applies function cumulatively to the items, left to right."""
    items = iter(sequence)
    acc = initial
    if acc is _initial_missing:
        acc = next(items, _initial_missing)
        if acc is _initial_missing:
            raise TypeError("reduce() of empty iterable with no initial "
                            "value")
    for item in items:
        acc = function(acc, item)
    return acc


_absent = object()


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Copies wrapped's name, doc and attributes to wrapper, and sets
    wrapper.__wrapped__."""
    for name in assigned:
        found = getattr(wrapped, name, _absent)
        if found is not _absent:
            setattr(wrapper, name, found)
    for name in updated:
        target = getattr(wrapper, name)
        target.update(getattr(wrapped, name, {}))
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
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super().__new__(cls)
        self.func, self.args, self.keywords = func, args, keywords
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
        self.hashvalue = hash(tup)
        self.extend(tup)

    def __hash__(self):
        return self.hashvalue


_kwd_mark = (object(),)


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        flat = []
        for pair in kwds.items():
            flat.extend(pair)
        key = key + _kwd_mark + tuple(flat)
    if typed:
        kinds = [type(x) for x in args]
        kinds += [type(x) for x in kwds.values()]
        key += tuple(kinds)
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
        self.func, self.attrname = func, None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        known = self.attrname
        if known is None or known == name:
            self.attrname = name
        else:
            raise TypeError("Cannot assign the same cached_property to two "
                            "different names (%r and %r)."
                            % (self.attrname, name))

    def __get__(self, instance, owner=None):
        key = self.attrname
        if instance is None:
            return self
        if key is None:
            raise TypeError("Cannot use cached_property instance without "
                            "calling __set_name__ on it.")
        store = instance.__dict__
        if key in store:
            return store[key]
        store[key] = value = self.func(instance)
        return value


# ===================================================================== #
# partialmethod                                                          #
# ===================================================================== #

class partialmethod:
    """Like partial, for a method: the instance (or class) it is looked up
    on comes first, then the stored arguments, then the call's."""

    __module__ = "functools"

    def __init__(self, func, /, *args, **keywords):
        if not (callable(func) or hasattr(func, "__get__")):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        if isinstance(func, partialmethod):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func, self.args, self.keywords = func, args, keywords

    def __repr__(self):
        words = [repr(self.func), ", ".join(map(repr, self.args)),
                 ", ".join("%s=%r" % kv for kv in self.keywords.items())]
        return "%s.%s(%s)" % (type(self).__module__, type(self).__qualname__,
                              ", ".join(words))

    def _unbound(self):
        stored = self

        def _method(cls_or_self, /, *args, **keywords):
            return stored.func(cls_or_self, *stored.args, *args,
                               **{**stored.keywords, **keywords})
        _method._partialmethod = stored
        _method.__isabstractmethod__ = stored.__isabstractmethod__
        return _method

    def __get__(self, obj, cls=None):
        binder = getattr(self.func, "__get__", None)
        if binder is not None:
            bound = binder(obj, cls)
            if bound is not self.func:
                result = partial(bound, *self.args, **self.keywords)
                try:
                    result.__self__ = bound.__self__
                except AttributeError:
                    pass
                return result
        return self._unbound().__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


# ===================================================================== #
# singledispatch                                                         #
# ===================================================================== #

def _find_impl(cls, registry):
    """The implementation registered for the nearest class of cls's MRO;
    else for an abstract class cls is a (virtual) subclass of."""
    for base in cls.__mro__:
        if base is not object and base in registry:
            return registry[base]
    match = None
    for typ in registry:
        if typ is object or not issubclass(cls, typ):
            continue
        if match is None or issubclass(typ, match):
            match = typ
    return registry.get(match if match is not None else object)


def singledispatch(func):
    """Makes func a generic function dispatching on its first argument's
    class; implementations are added with .register(cls)."""
    registry = {object: func}
    cache = {}

    def dispatch(cls):
        try:
            return cache[cls]
        except KeyError:
            impl = cache[cls] = _find_impl(cls, registry)
            return impl

    def register(cls, func=None):
        if isinstance(cls, type) and func is None:
            return lambda f: register(cls, f)
        if func is None:
            annotations = getattr(cls, "__annotations__", {})
            if not annotations:
                raise TypeError(
                    "Invalid first argument to `register()`: {!r}. "
                    "Use either `@register(some_class)` or plain `@register` "
                    "on an annotated function.".format(cls))
            func = cls
            cls = next(iter(annotations.values()))
            if not isinstance(cls, type):
                raise TypeError("Invalid annotation for {!r}. {!r} is not "
                                "a class.".format(next(iter(annotations)),
                                                  cls))
        if not isinstance(cls, type):
            raise TypeError("Invalid first argument to `register()`. "
                            "{!r} is not a class or union type.".format(cls))
        registry[cls] = func
        cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError("%s requires at least 1 positional argument"
                            % funcname)
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, "__name__", "singledispatch function")
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = cache.clear
    update_wrapper(wrapper, func, assigned=("__module__", "__name__",
                                            "__qualname__", "__doc__"))
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument after
    self (or cls)."""

    __module__ = "functools"

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            impl = self.dispatcher.dispatch(args[0].__class__)
            bound = impl.__get__(obj, cls)
            return bound(*args, **kwargs)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func, assigned=(
            "__module__", "__name__", "__qualname__", "__doc__"))
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)
