"""collections for rcpy: the containers teaching scripts use most --
namedtuple, deque, defaultdict, Counter, OrderedDict -- with CPython
3.11's behaviour, reprs and error messages.

Written in rcpy's language subset on top of the builtin types: deque is a
list with an optional maximum length (appendleft and popleft are O(n),
unlike CPython's block list), OrderedDict is a dict subclass that keeps
its order by reinserting (move_to_end(last=False) is O(n)), namedtuple
builds its __new__ with exec so that argument errors read as CPython's.
ChainMap, UserDict, UserList and UserString wrap a plain dict, list or
str (`data`) as CPython's do. collections.abc is the module
_collections_abc, registered under that name as CPython registers it.
"""

import sys
import _collections_abc

sys.modules["collections.abc"] = _collections_abc
abc = _collections_abc

__all__ = ["namedtuple", "deque", "defaultdict", "Counter", "OrderedDict",
           "ChainMap", "UserDict", "UserList", "UserString"]


# ===================================================================== #
# namedtuple                                                             #
# ===================================================================== #

def _field_names(field_names, rename):
    """The field names, validated as CPython validates them."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    names = [str(name) for name in field_names]
    seen = set()
    for index, name in enumerate(names):
        if rename and (not name.isidentifier() or _iskeyword(name) or
                       name.startswith("_") or name in seen):
            names[index] = "_%d" % index
        seen.add(names[index])
    seen = set()
    for name in names:
        _check_identifier(name)
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: "
                             "%r" % name)
        if name in seen:
            raise ValueError("Encountered duplicate field name: %r" % name)
        seen.add(name)
    return tuple(names)


def _check_identifier(name):
    if not name.isidentifier():
        raise ValueError("Type names and field names must be valid "
                         "identifiers: %r" % name)
    if _iskeyword(name):
        raise ValueError("Type names and field names cannot be a "
                         "keyword: %r" % name)


_KEYWORDS = frozenset([
    "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield"])


def _iskeyword(name):
    return name in _KEYWORDS


def _field_property(index, name):
    def get(self):
        return self[index]
    return property(get, doc="Alias for field number %d" % index)


def namedtuple(typename, field_names, *, rename=False, defaults=None,
               module=None):
    """A tuple subclass named typename whose items are also attributes."""
    typename = str(typename)
    _check_identifier(typename)
    fields = _field_names(field_names, rename)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(fields[len(fields) - len(defaults):],
                                  defaults))
    arg_list = ", ".join(fields)
    if len(fields) == 1:
        arg_list += ","
    namespace = {"_tuple_new": tuple.__new__}
    exec("def __new__(_cls, %s):\n    return _tuple_new(_cls, (%s))\n"
         % (", ".join(fields), arg_list), namespace)
    __new__ = namespace["__new__"]
    __new__.__qualname__ = typename + ".__new__"
    __new__.__doc__ = "Create new instance of %s(%s)" % (
        typename, ", ".join(fields))
    if defaults is not None:
        __new__.__defaults__ = defaults

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(fields):
            raise TypeError("Expected %d arguments, got %d"
                            % (len(fields), len(result)))
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name, value)
                             for name, value in zip(fields, self)])
        if kwds:
            raise ValueError("Got unexpected field names: %r" % list(kwds))
        return result

    def __repr__(self):
        return "%s(%s)" % (self.__class__.__name__, ", ".join(
            "%s=%r" % (name, value) for name, value in zip(fields, self)))

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    class_namespace = {
        "__doc__": "%s(%s)" % (typename, ", ".join(fields)),
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": __new__,
        "_make": classmethod(_make),
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for index, name in enumerate(fields):
        class_namespace[name] = _field_property(index, name)
    result = type(typename, (tuple,), class_namespace)
    if module is None:
        try:
            module = sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            module = None
    if module is not None:
        result.__module__ = module
    return result


# ===================================================================== #
# deque                                                                  #
# ===================================================================== #

_deque_reprs = set()


class deque:
    """A double-ended queue, bounded when maxlen is given (items pushed in
    at one end push the oldest out at the other)."""

    __module__ = "collections"
    __slots__ = ("_items", "_maxlen", "__weakref__")

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._items = []
        self._maxlen = maxlen
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _trim_left(self):
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[:len(self._items) - self._maxlen]

    def _trim_right(self):
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[self._maxlen:]

    def append(self, x):
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim_right()

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def rotate(self, n=1):
        items = self._items
        if items:
            n %= len(items)
            if n:
                items[:] = items[-n:] + items[:-n]

    def clear(self):
        self._items.clear()

    def copy(self):
        return self.__class__(self, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *args):
        try:
            return self._items.index(x, *args)
        except ValueError:
            raise ValueError("%r is not in deque" % (x,)) from None

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._items.insert(i, x)

    def remove(self, value):
        try:
            self._items.remove(value)
        except ValueError:
            raise ValueError("%r is not in deque" % (value,)) from None

    def reverse(self):
        self._items.reverse()

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        items = self._items
        size = len(items)
        for i in range(size):
            if len(items) != size:
                raise RuntimeError("deque mutated during iteration")
            yield items[i]
        if len(items) != size:
            raise RuntimeError("deque mutated during iteration")

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '%s'"
                            % type(i).__name__)
        if not -len(self._items) <= i < len(self._items):
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        return self._items[self._index(i)]

    def __setitem__(self, i, x):
        self._items[self._index(i)] = x

    def __delitem__(self, i):
        del self._items[self._index(i)]

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items >= other._items

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = self.__class__((), self._maxlen)
        for _ in range(n):
            result.extend(self._items)
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        items = list(self._items)
        self.clear()
        for _ in range(n):
            self.extend(items)
        return self

    def __repr__(self):
        name = type(self).__name__
        key = id(self)
        if key in _deque_reprs:  # a deque inside itself
            return "[...]"
        _deque_reprs.add(key)
        try:
            body = repr(self._items)
        finally:
            _deque_reprs.discard(key)
        if self._maxlen is None:
            return "%s(%s)" % (name, body)
        return "%s(%s, maxlen=%d)" % (name, body, self._maxlen)


# ===================================================================== #
# defaultdict, OrderedDict                                               #
# ===================================================================== #

_collections_abc.MutableSequence.register(deque)


_defaultdict_reprs = set()


class defaultdict(dict):
    """A dict that makes a missing key's value by calling default_factory."""

    __module__ = "collections"

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self[key] = self.default_factory()
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __repr__(self):
        # the factory may show self again (a bound method of it): that
        # inner repr shows the factory as "...", as CPython's does
        key = id(self)
        if key in _defaultdict_reprs:
            factory = "..."
        else:
            _defaultdict_reprs.add(key)
            try:
                factory = repr(self.default_factory)
            finally:
                _defaultdict_reprs.discard(key)
        return "%s(%s, %s)" % (type(self).__name__, factory,
                               dict.__repr__(self))

    def __or__(self, other):
        if isinstance(other, dict):
            merged = self.copy()
            merged.update(other)
            return merged
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, dict):
            merged = type(self)(self.default_factory, other)
            merged.update(self)
            return merged
        return NotImplemented


_marker = object()


class OrderedDict(dict):
    """A dict with move_to_end, popitem(last=) and order-sensitive
    equality between OrderedDicts."""

    __module__ = "collections"

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
            return
        rest = list(self.items())
        self.clear()
        self[key] = value
        for k, v in rest:
            self[k] = v

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(self)) if last else next(iter(self))
        return key, self.pop(key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def copy(self):
        return type(self)(self)

    def pop(self, key, default=_marker):
        if key in self:
            return dict.pop(self, key)
        if default is _marker:
            raise KeyError(key)
        return default

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made

    def __reduce__(self):
        state = dict(getattr(self, "__dict__", {}))
        return (type(self), (), state or None, None, iter(self.items()))

    def __or__(self, other):
        if isinstance(other, dict):
            merged = type(self)(self)
            merged.update(other)
            return merged
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, dict):
            merged = type(self)(other)
            merged.update(self)
            return merged
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        if not self:
            return "%s()" % (type(self).__name__,)
        return "%s(%r)" % (type(self).__name__, list(self.items()))


# ===================================================================== #
# Counter                                                                #
# ===================================================================== #

class Counter(dict):
    """A dict of counts: missing keys count 0; most_common, elements,
    update/subtract and the multiset operators + - | &."""

    __module__ = "collections"

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        ordered = sorted(self.items(), key=_count_of, reverse=True)
        return ordered if n is None else ordered[:n]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  "
                                  "Use Counter(iterable) instead.")

    def _tally(self, source, sign):
        """Adds (sign 1) or takes away (sign -1) the counts of source:
        a dict of counts, or any iterable counting each item once."""
        get = self.get
        if isinstance(source, dict):
            for key, n in source.items():
                old = get(key, 0)
                self[key] = n + old if sign > 0 else old - n
        elif sign > 0:
            _count_elements(self, source)
        else:
            for key in source:
                self[key] = get(key, 0) - 1

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            self._tally(iterable, 1)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            self._tally(iterable, -1)
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return name + "()"
        body = ", ".join("%r: %r" % pair for pair in self.most_common())
        return "%s({%s})" % (name, body)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for side in (self, other):
            for key in side:
                if not self[key] == other[key]:
                    return False
        return True

    def __ne__(self, other):
        if isinstance(other, Counter):
            return not self == other
        return NotImplemented

    __hash__ = None

    def _merge(self, other, combine, own_count_of_other):
        """The positive counts of combine(mine, other's) for my elements,
        then of own_count_of_other(count) for other's other elements."""
        result = Counter()
        for elem, count in self.items():
            newcount = combine(count, other[elem])
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self:
                newcount = own_count_of_other(count)
                if newcount > 0:
                    result[elem] = newcount
        return result

    def __add__(self, other):
        if isinstance(other, Counter):
            return self._merge(other, _add, _same)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, Counter):
            return self._merge(other, _sub, _negated)
        return NotImplemented

    def __or__(self, other):
        if isinstance(other, Counter):
            return self._merge(other, max, _same)
        return NotImplemented

    def __and__(self, other):
        if isinstance(other, Counter):
            return self._merge(other, min, _nothing)
        return NotImplemented

    def _signed_part(self, positive):
        part = Counter()
        for key, n in self.items():
            if positive and n > 0:
                part[key] = n
            elif not positive and n < 0:
                part[key] = 0 - n
        return part

    def __pos__(self):
        return self._signed_part(True)

    def __neg__(self):
        return self._signed_part(False)


def _count_elements(mapping, iterable):
    """Adds one to mapping[x] (0 when absent) for each x of iterable."""
    get = mapping.get
    for elem in iterable:
        mapping[elem] = get(elem, 0) + 1


def _count_of(item):
    return item[1]


def _add(a, b):
    return a + b


def _sub(a, b):
    return a - b


def _same(count):
    return count


def _negated(count):
    return 0 - count


def _nothing(count):
    return 0


# ===================================================================== #
# ChainMap                                                               #
# ===================================================================== #

def _first_map_error(key):
    return KeyError("Key not found in the first mapping: %r" % (key,))


class ChainMap(_collections_abc.MutableMapping):
    """A view of several mappings as one: lookups search them in order,
    writes and deletions go to the first (maps[0])."""

    def __init__(self, *maps):
        self.maps = list(maps) if maps else [{}]

    # -- reading: search every map, front to back

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                continue
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def __contains__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return True
        return False

    def __iter__(self):
        order = {}
        for mapping in self.maps[::-1]:
            for key in mapping:
                order[key] = None
        return iter(order)

    def __len__(self):
        keys = set()
        for mapping in self.maps:
            keys.update(mapping)
        return len(keys)

    def __bool__(self):
        for mapping in self.maps:
            if mapping:
                return True
        return False

    def __repr__(self):
        shown = ", ".join([repr(mapping) for mapping in self.maps])
        return "%s(%s)" % (type(self).__name__, shown)

    # -- making related chains

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        first, rest = self.maps[0], self.maps[1:]
        return type(self)(first.copy(), *rest)

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            child = kwargs
        else:
            child = m
            if kwargs:
                child.update(kwargs)
        return type(self)(child, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    # -- writing: only the first map changes

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        first = self.maps[0]
        if key not in first:
            raise _first_map_error(key)
        del first[key]

    def popitem(self):
        first = self.maps[0]
        if not first:
            raise KeyError("No keys found in the first mapping.")
        return first.popitem()

    def pop(self, key, *args):
        first = self.maps[0]
        if key in first or args:
            return first.pop(key, *args)
        raise _first_map_error(key)

    def clear(self):
        self.maps[0].clear()

    def __or__(self, other):
        if isinstance(other, _collections_abc.Mapping):
            joined = self.copy()
            joined.maps[0].update(other)
            return joined
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, _collections_abc.Mapping):
            flat = dict(other)
            for mapping in self.maps[::-1]:
                flat.update(mapping)
            return type(self)(flat)
        return NotImplemented

    def __ior__(self, other):
        self.maps[0].update(other)
        return self


# ===================================================================== #
# UserDict                                                               #
# ===================================================================== #

def _plain(obj, wrapper):
    """obj's wrapped value when obj is a `wrapper` instance, else obj."""
    if isinstance(obj, wrapper):
        return obj.data
    return obj


def _shallow_copy(obj, copy_data):
    """A new instance of obj's class sharing obj's attributes, but with
    copy_data(obj.data) as its data; no __init__ call, no descriptors."""
    cls = type(obj)
    dup = cls.__new__(cls)
    attrs = dict(obj.__dict__)
    attrs["data"] = copy_data(attrs["data"])
    dup.__dict__.update(attrs)
    return dup


class UserDict(_collections_abc.MutableMapping):
    """A dict-like class wrapping a real dict, `data`."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        sources = [] if dict is None else [dict]
        if kwargs:
            sources.append(kwargs)
        for source in sources:
            self.update(source)

    def __getitem__(self, key):
        data = self.data
        if key not in data:
            missing = getattr(type(self), "__missing__", None)
            if missing is None:
                raise KeyError(key)
            return missing(self, key)
        return data[key]

    def __delitem__(self, key):
        del self.data[key]

    def __setitem__(self, key, item):
        self.data[key] = item

    def __contains__(self, key):
        return key in self.data

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return repr(self.data)

    def get(self, key, default=None):
        return self[key] if key in self else default

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made

    def __or__(self, other):
        if isinstance(other, (UserDict, dict)):
            return type(self)(self.data | _plain(other, UserDict))
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (UserDict, dict)):
            return type(self)(_plain(other, UserDict) | self.data)
        return NotImplemented

    def __ior__(self, other):
        self.data |= _plain(other, UserDict)
        return self

    def __copy__(self):
        return _shallow_copy(self, dict.copy)

    def copy(self):
        if type(self) is UserDict:
            return UserDict(self.data.copy())
        import copy as _copy_module
        saved = self.data
        self.data = {}
        try:
            dup = _copy_module.copy(self)
        finally:
            self.data = saved
        dup.update(self)
        return dup


# ===================================================================== #
# UserList                                                               #
# ===================================================================== #

def _as_list(other):
    if isinstance(other, UserList):
        return other.data
    if isinstance(other, list):
        return other
    return list(other)


class UserList(_collections_abc.MutableSequence):
    """A list-like class wrapping a real list, `data`."""

    def __init__(self, initlist=None):
        if initlist is None:
            self.data = []
        elif isinstance(initlist, UserList):
            self.data = list(initlist.data)
        else:
            self.data = list(initlist)

    # -- comparisons look through to the wrapped list

    def __eq__(self, other):
        return self.data == _plain(other, UserList)

    def __lt__(self, other):
        return self.data < _plain(other, UserList)

    def __gt__(self, other):
        return self.data > _plain(other, UserList)

    def __le__(self, other):
        return self.data <= _plain(other, UserList)

    def __ge__(self, other):
        return self.data >= _plain(other, UserList)

    def __repr__(self):
        return repr(self.data)

    # -- sequence protocol

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        return item in self.data

    def __getitem__(self, i):
        found = self.data[i]
        if isinstance(i, slice):
            return type(self)(found)
        return found

    def __delitem__(self, i):
        del self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    # -- arithmetic makes new instances of our class

    def __add__(self, other):
        return type(self)(self.data + _as_list(other))

    def __radd__(self, other):
        return type(self)(_as_list(other) + self.data)

    def __iadd__(self, other):
        self.data += _as_list(other)
        return self

    def __imul__(self, n):
        self.data *= n
        return self

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def __copy__(self):
        return _shallow_copy(self, list.copy)

    def copy(self):
        return type(self)(self)

    # -- list methods, passed on

    def extend(self, other):
        self.data.extend(_plain(other, UserList))

    def append(self, item):
        self.data.append(item)

    def remove(self, item):
        self.data.remove(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def clear(self):
        self.data.clear()

    def pop(self, i=-1):
        return self.data.pop(i)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def count(self, item):
        return self.data.count(item)

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def reverse(self):
        self.data.reverse()


# ===================================================================== #
# UserString                                                             #
# ===================================================================== #

class UserString(_collections_abc.Sequence):
    """A str-like class wrapping a real str, `data`; methods that make
    strings return instances of the same class."""

    def __init__(self, seq):
        if isinstance(seq, UserString):
            seq = seq.data[:]
        elif not isinstance(seq, str):
            seq = str(seq)
        self.data = seq

    def _d(self, x):
        return _plain(x, UserString)

    # -- conversions

    def __hash__(self):
        return hash(self.data)

    def __repr__(self):
        return repr(self.data)

    def __str__(self):
        return str(self.data)

    def __float__(self):
        return float(self.data)

    def __int__(self):
        return int(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    # -- comparisons look through to the wrapped str

    def __eq__(self, string):
        return self.data == _plain(string, UserString)

    def __lt__(self, string):
        return self.data < _plain(string, UserString)

    def __gt__(self, string):
        return self.data > _plain(string, UserString)

    def __le__(self, string):
        return self.data <= _plain(string, UserString)

    def __ge__(self, string):
        return self.data >= _plain(string, UserString)

    # -- sequence protocol and operators

    def __len__(self):
        return len(self.data)

    def __contains__(self, char):
        return _plain(char, UserString) in self.data

    def __getitem__(self, index):
        return type(self)(self.data[index])

    def __add__(self, other):
        if isinstance(other, UserString):
            other = other.data
        elif not isinstance(other, str):
            other = str(other)
        return type(self)(self.data + other)

    def __radd__(self, other):
        if not isinstance(other, str):
            other = str(other)
        return type(self)(other + self.data)

    def __mul__(self, n):
        return type(self)(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return type(self)(self.data % args)

    def __rmod__(self, template):
        return type(self)(str(template) % self)

    # -- str methods giving a new string, wrapped in our class

    def capitalize(self):
        return type(self)(self.data.capitalize())

    def casefold(self):
        return type(self)(self.data.casefold())

    def lower(self):
        return type(self)(self.data.lower())

    def upper(self):
        return type(self)(self.data.upper())

    def swapcase(self):
        return type(self)(self.data.swapcase())

    def title(self):
        return type(self)(self.data.title())

    def center(self, width, *args):
        return type(self)(self.data.center(width, *args))

    def ljust(self, width, *args):
        return type(self)(self.data.ljust(width, *args))

    def rjust(self, width, *args):
        return type(self)(self.data.rjust(width, *args))

    def zfill(self, width):
        return type(self)(self.data.zfill(width))

    def expandtabs(self, tabsize=8):
        return type(self)(self.data.expandtabs(tabsize))

    def strip(self, chars=None):
        return type(self)(self.data.strip(chars))

    def lstrip(self, chars=None):
        return type(self)(self.data.lstrip(chars))

    def rstrip(self, chars=None):
        return type(self)(self.data.rstrip(chars))

    def removeprefix(self, prefix, /):
        return type(self)(self.data.removeprefix(_plain(prefix, UserString)))

    def removesuffix(self, suffix, /):
        return type(self)(self.data.removesuffix(_plain(suffix, UserString)))

    def replace(self, old, new, maxsplit=-1):
        old = _plain(old, UserString)
        new = _plain(new, UserString)
        return type(self)(self.data.replace(old, new, maxsplit))

    def translate(self, *args):
        return type(self)(self.data.translate(*args))

    maketrans = str.maketrans

    # -- str methods giving something else, returned as str gives it

    def encode(self, encoding="utf-8", errors="strict"):
        return self.data.encode(encoding, errors)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def join(self, seq):
        return self.data.join(seq)

    def count(self, sub, start=0, end=sys.maxsize):
        return self.data.count(_plain(sub, UserString), start, end)

    def find(self, sub, start=0, end=sys.maxsize):
        return self.data.find(_plain(sub, UserString), start, end)

    def rfind(self, sub, start=0, end=sys.maxsize):
        return self.data.rfind(_plain(sub, UserString), start, end)

    def index(self, sub, start=0, end=sys.maxsize):
        return self.data.index(_plain(sub, UserString), start, end)

    def rindex(self, sub, start=0, end=sys.maxsize):
        return self.data.rindex(_plain(sub, UserString), start, end)

    def startswith(self, prefix, start=0, end=sys.maxsize):
        return self.data.startswith(prefix, start, end)

    def endswith(self, suffix, start=0, end=sys.maxsize):
        return self.data.endswith(suffix, start, end)

    def partition(self, sep):
        return self.data.partition(sep)

    def rpartition(self, sep):
        return self.data.rpartition(sep)

    def split(self, sep=None, maxsplit=-1):
        return self.data.split(sep, maxsplit)

    def splitlines(self, keepends=False):
        return self.data.splitlines(keepends)

    def rsplit(self, sep=None, maxsplit=-1):
        return self.data.rsplit(sep, maxsplit)

    # -- predicates

    def isalnum(self):
        return self.data.isalnum()

    def isalpha(self):
        return self.data.isalpha()

    def isdigit(self):
        return self.data.isdigit()

    def isdecimal(self):
        return self.data.isdecimal()

    def isnumeric(self):
        return self.data.isnumeric()

    def isascii(self):
        return self.data.isascii()

    def isprintable(self):
        return self.data.isprintable()

    def isidentifier(self):
        return self.data.isidentifier()

    def isspace(self):
        return self.data.isspace()

    def islower(self):
        return self.data.islower()

    def isupper(self):
        return self.data.isupper()

    def istitle(self):
        return self.data.istitle()
