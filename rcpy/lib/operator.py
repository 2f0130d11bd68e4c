"""operator for rcpy: the operators as functions (with their dunder
aliases, operator.__add__ ...), the in-place forms, call, length_hint,
and itemgetter, attrgetter and methodcaller, as CPython 3.11's operator
module has them."""

__all__ = ["abs", "add", "and_", "attrgetter", "concat", "contains",
           "countOf", "delitem", "eq", "floordiv", "ge", "getitem", "gt",
           "index", "indexOf", "inv", "invert", "is_", "is_not",
           "itemgetter", "le", "lshift", "lt", "matmul", "methodcaller",
           "mod", "mul", "ne", "neg", "not_", "or_", "pos", "pow", "rshift",
           "setitem", "sub", "truediv", "truth", "xor", "call",
           "length_hint", "iadd", "iand", "iconcat", "ifloordiv", "ilshift",
           "imatmul", "imod", "imul", "ior", "ipow", "irshift", "isub",
           "itruediv", "ixor"]

_abs = abs


def lt(a, b): return a < b
def le(a, b): return a <= b
def eq(a, b): return a == b
def ne(a, b): return a != b
def ge(a, b): return a >= b
def gt(a, b): return a > b
def not_(a): return not a
def truth(a): return True if a else False
def is_(a, b): return a is b
def is_not(a, b): return a is not b
def abs(a): return _abs(a)
def add(a, b): return a + b
def and_(a, b): return a & b
def floordiv(a, b): return a // b
def index(a):
    if isinstance(a, int):
        return int.__index__(a)
    try:
        method = type(a).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(a).__name__) from None
    result = method(a)
    if not isinstance(result, int):
        raise TypeError("__index__ returned non-int (type %s)"
                        % type(result).__name__)
    return int.__index__(result)
def inv(a): return ~a
invert = inv
def lshift(a, b): return a << b
def mod(a, b): return a % b
def mul(a, b): return a * b
def matmul(a, b): return a @ b
def neg(a): return -a
def or_(a, b): return a | b
def pos(a): return +a
def pow(a, b): return a ** b
def rshift(a, b): return a >> b
def sub(a, b): return a - b
def truediv(a, b): return a / b
def xor(a, b): return a ^ b
def contains(a, b): return b in a
def getitem(a, b): return a[b]
def setitem(a, b, c): a[b] = c
def delitem(a, b): del a[b]


def concat(a, b):
    if not hasattr(a, "__getitem__"):
        raise TypeError("'%s' object can't be concatenated"
                        % type(a).__name__)
    return a + b


def countOf(a, b):
    return sum(1 for i in a if i is b or i == b)


def indexOf(a, b):
    for i, j in enumerate(a):
        if j is b or j == b:
            return i
    raise ValueError("sequence.index(x): x not in sequence")


class itemgetter:
    """itemgetter(k)(obj) is obj[k]; with several keys, a tuple."""

    __module__ = "operator"

    def __init__(self, item, *items):
        self._items = (item,) + items

    def __call__(self, obj):
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple(obj[i] for i in self._items)

    def __repr__(self):
        return "operator.itemgetter(%s)" % ", ".join(map(repr, self._items))


class attrgetter:
    """attrgetter('a.b')(obj) is obj.a.b; with several names, a tuple."""

    __module__ = "operator"

    def __init__(self, attr, *attrs):
        for name in (attr,) + attrs:
            if not isinstance(name, str):
                raise TypeError("attribute name must be a string")
        self._attrs = (attr,) + attrs

    def _get(self, obj, name):
        for part in name.split("."):
            obj = getattr(obj, part)
        return obj

    def __call__(self, obj):
        if len(self._attrs) == 1:
            return self._get(obj, self._attrs[0])
        return tuple(self._get(obj, name) for name in self._attrs)

    def __repr__(self):
        return "operator.attrgetter(%s)" % ", ".join(map(repr, self._attrs))


class methodcaller:
    """methodcaller('m', *args)(obj) is obj.m(*args)."""

    __module__ = "operator"

    def __init__(self, name, /, *args, **kwargs):
        if not isinstance(name, str):
            raise TypeError("method name must be a string")
        self._name, self._args, self._kwargs = name, args, kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        args = [repr(self._name)] + [repr(a) for a in self._args]
        args += ["%s=%r" % (k, v) for k, v in self._kwargs.items()]
        return "operator.methodcaller(%s)" % ", ".join(args)


def call(obj, /, *args, **kwargs):
    return obj(*args, **kwargs)


def length_hint(obj, default=0):
    """len(obj), else obj.__length_hint__(), else default."""
    if not isinstance(default, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(default).__name__)
    try:
        size = len(obj)
    except TypeError:
        size = None
    if size is not None:
        return size
    getter = getattr(type(obj), "__length_hint__", None)
    if getter is None:
        return default
    try:
        n = getter(obj)
    except TypeError:
        return default
    if n is NotImplemented:
        return default
    if isinstance(n, int):
        if n >= 0:
            return n
        raise ValueError("__length_hint__() should return >= 0")
    raise TypeError("__length_hint__ must be an integer, not %s"
                    % type(n).__name__)


def iadd(a, b):
    a += b
    return a


def iand(a, b):
    a &= b
    return a


def iconcat(a, b):
    if not hasattr(a, "__getitem__"):
        raise TypeError("'%s' object can't be concatenated"
                        % type(a).__name__)
    a += b
    return a


def ifloordiv(a, b):
    a //= b
    return a


def ilshift(a, b):
    a <<= b
    return a


def imod(a, b):
    a %= b
    return a


def imul(a, b):
    a *= b
    return a


def imatmul(a, b):
    a @= b
    return a


def ior(a, b):
    a |= b
    return a


def ipow(a, b):
    a **= b
    return a


def irshift(a, b):
    a >>= b
    return a


def isub(a, b):
    a -= b
    return a


def itruediv(a, b):
    a /= b
    return a


def ixor(a, b):
    a ^= b
    return a


def _add_dunder_aliases(ns):
    plain = ("lt le eq ne ge gt not_ abs add and_ call floordiv index inv "
             "invert lshift mod mul matmul neg or_ pos pow rshift sub "
             "truediv xor concat contains delitem getitem setitem")
    inplace = ("add and concat floordiv lshift mod mul matmul or pow "
               "rshift sub truediv xor")
    names = plain.split() + ["i" + n.rstrip("_") for n in inplace.split()]
    for n in names:
        ns["__" + n.rstrip("_") + "__"] = ns[n]


_add_dunder_aliases(globals())
del _add_dunder_aliases
