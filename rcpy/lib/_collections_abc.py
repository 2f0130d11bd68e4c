"""collections.abc for rcpy: the container ABCs and their mixin methods.

Builtin containers, iterators and dict views are registered as virtual
subclasses. The async ABCs and ByteString are provided for user classes
only (rcpy has no async syntax and no bytes type).
"""

from abc import ABCMeta, abstractmethod
import sys

__all__ = ["Hashable", "Iterable", "Iterator", "Generator", "Reversible",
           "Sized", "Container", "Callable", "Collection", "Set",
           "MutableSet", "Mapping", "MutableMapping", "MappingView",
           "KeysView", "ItemsView", "ValuesView", "Sequence",
           "MutableSequence", "Awaitable", "Coroutine", "AsyncIterable",
           "AsyncIterator", "AsyncGenerator", "ByteString"]

__name__ = "collections.abc"

_d = {}
dict_keys, dict_values, dict_items = (
    type(_d.keys()), type(_d.values()), type(_d.items()))
dict_keyiterator, dict_valueiterator, dict_itemiterator = (
    type(iter(_d.keys())), type(iter(_d.values())), type(iter(_d.items())))
del _d
list_iterator, list_reverseiterator = type(iter([])), type(reversed([]))
tuple_iterator, str_iterator = type(iter(())), type(iter(""))
set_iterator, range_iterator = type(iter(set())), type(iter(range(0)))
zip_iterator = type(zip())
mappingproxy = type(type.__dict__)


def _sample_gen():
    yield


generator = type(_sample_gen())
del _sample_gen


def _check_methods(C, *methods):
    # True when each name is found in C's MRO with a non-None value;
    # otherwise NotImplemented, which leaves the decision to ABCMeta.
    mro = C.__mro__
    for name in methods:
        owner = next((k for k in mro if name in k.__dict__), None)
        if owner is None or owner.__dict__[name] is None:
            return NotImplemented
    return True


def _hook(owner, *required):
    # Give `owner` a structural __subclasshook__ that applies only to
    # owner itself, not to its subclasses.
    def __subclasshook__(cls, C):
        if cls is not owner:
            return NotImplemented
        return _check_methods(C, *required)
    owner.__subclasshook__ = classmethod(__subclasshook__)


def _reraise(typ, val, tb):
    # Default body shared by the abstract throw/athrow methods.
    if val is None and tb is None:
        raise typ
    exc = typ() if val is None else val
    raise exc if tb is None else exc.with_traceback(tb)


class Hashable(metaclass=ABCMeta):
    @abstractmethod
    def __hash__(self):
        return 0

    __slots__ = ()


class Iterable(metaclass=ABCMeta):
    @abstractmethod
    def __iter__(self):
        yield from ()

    __slots__ = ()


class Iterator(Iterable):
    @abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self

    __slots__ = ()


class Reversible(Iterable):
    @abstractmethod
    def __reversed__(self):
        yield from ()

    __slots__ = ()


class Sized(metaclass=ABCMeta):
    @abstractmethod
    def __len__(self):
        return 0

    __slots__ = ()


class Container(metaclass=ABCMeta):
    @abstractmethod
    def __contains__(self, x):
        return False

    __slots__ = ()


class Collection(Sized, Iterable, Container):
    __slots__ = ()


class Callable(metaclass=ABCMeta):
    @abstractmethod
    def __call__(self, *args, **kwds):
        return False

    __slots__ = ()


class Generator(Iterator):
    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        _reraise(typ, val, tb)

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("generator ignored GeneratorExit")

    __slots__ = ()


_hook(Hashable, "__hash__")
_hook(Iterable, "__iter__")
_hook(Iterator, "__iter__", "__next__")
_hook(Reversible, "__reversed__", "__iter__")
_hook(Sized, "__len__")
_hook(Container, "__contains__")
_hook(Collection, "__len__", "__iter__", "__contains__")
_hook(Callable, "__call__")
_hook(Generator, "__iter__", "__next__", "send", "throw", "close")

for _t in (dict_keyiterator, dict_valueiterator, dict_itemiterator,
           list_iterator, list_reverseiterator, range_iterator,
           set_iterator, str_iterator, tuple_iterator, zip_iterator):
    Iterator.register(_t)
Generator.register(generator)


def _contained(items, target):
    for x in items:
        if x not in target:
            return False
    return True


class Set(Collection):
    """Finite iterable container with set comparisons and operators."""


    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) <= len(other) and _contained(self, other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) >= len(other) and _contained(other, self)

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) >= len(other):
            return False
        return self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) <= len(other):
            return False
        return self.__ge__(other)

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) != len(other):
            return False
        return self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def isdisjoint(self, other):
        """True when self and other share no element."""
        return not any(x in self for x in other)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(x for x in other if x in self)

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(x for part in (self, other) for x in part)

    def _as_set(self, other):
        # other coerced to a Set, or None when it is not iterable at all
        if isinstance(other, Set):
            return other
        if isinstance(other, Iterable):
            return self._from_iterable(other)
        return None

    def __sub__(self, other):
        rhs = self._as_set(other)
        if rhs is None:
            return NotImplemented
        return self._from_iterable(x for x in self if x not in rhs)

    def __rsub__(self, other):
        lhs = self._as_set(other)
        if lhs is None:
            return NotImplemented
        return self._from_iterable(x for x in lhs if x not in self)

    def __xor__(self, other):
        rhs = self._as_set(other)
        if rhs is None:
            return NotImplemented
        return (self - rhs) | (rhs - self)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__

    def _hash(self):
        """Hash computed the way frozenset computes its own."""
        top = sys.maxsize
        full = 2 * top + 1
        acc = (1927868237 * (len(self) + 1)) & full
        for item in self:
            v = hash(item)
            acc = (acc ^ ((v ^ (v << 16) ^ 89869747) * 3644798167)) & full
        acc ^= (acc >> 11) ^ (acc >> 25)
        acc = (acc * 69069 + 907133923) & full
        if acc > top:
            acc -= full + 1
        return 590923713 if acc == -1 else acc

    __slots__ = ()


class MutableSet(Set):
    """Set with add/discard; the other mutators are built on them."""


    @abstractmethod
    def add(self, value):
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value in self:
            self.discard(value)
        else:
            raise KeyError(value)

    def pop(self):
        for value in self:
            break
        else:
            raise KeyError
        self.discard(value)
        return value

    def clear(self):
        while True:
            try:
                self.pop()
            except KeyError:
                return

    def __ior__(self, it):
        for x in it:
            self.add(x)
        return self

    def __iand__(self, it):
        for x in self - it:
            self.discard(x)
        return self

    def __ixor__(self, it):
        if it is not self:
            other = it if isinstance(it, Set) else self._from_iterable(it)
            for x in other:
                if x in self:
                    self.discard(x)
                else:
                    self.add(x)
        else:
            self.clear()
        return self

    def __isub__(self, it):
        if it is not self:
            for x in it:
                self.discard(x)
        else:
            self.clear()
        return self

    __slots__ = ()


Set.register(frozenset)
MutableSet.register(set)


_NO_DEFAULT = object()


class Mapping(Collection):
    """Read-only mapping built on __getitem__, __iter__ and __len__."""


    __abc_tpflags__ = 1 << 6

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def __contains__(self, key):
        found = True
        try:
            self[key]
        except KeyError:
            found = False
        return found

    def get(self, key, default=None):
        """self[key] if present, else default."""
        try:
            value = self[key]
        except KeyError:
            value = default
        return value

    def keys(self):
        """A set-like view of the keys."""
        return KeysView(self)

    def values(self):
        """A view of the values."""
        return ValuesView(self)

    def items(self):
        """A set-like view of the (key, value) pairs."""
        return ItemsView(self)

    def __eq__(self, other):
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __reversed__ = None

    __slots__ = ()


def _plain_set(cls, it):
    # views build plain sets from their operators
    return set(it)


class MappingView(Sized):
    __slots__ = ("_mapping",)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __init__(self, mapping):
        self._mapping = mapping


class KeysView(MappingView, Set):
    _from_iterable = classmethod(_plain_set)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        for k in self._mapping:
            yield k

    __slots__ = ()


class ItemsView(MappingView, Set):
    _from_iterable = classmethod(_plain_set)

    def __contains__(self, item):
        key, value = item
        m = self._mapping
        try:
            found = m[key]
        except KeyError:
            return False
        return found is value or found == value

    def __iter__(self):
        m = self._mapping
        for k in m:
            yield (k, m[k])

    __slots__ = ()


class ValuesView(MappingView, Collection):
    def __contains__(self, value):
        return any(v is value or v == value for v in self)

    def __iter__(self):
        m = self._mapping
        for k in m:
            yield m[k]

    __slots__ = ()


class MutableMapping(Mapping):
    """Mapping that also supports item assignment and deletion."""


    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    def pop(self, key, default=_NO_DEFAULT):
        """Remove key and return its value (or default when absent)."""
        try:
            found = self[key]
        except KeyError:
            if default is _NO_DEFAULT:
                raise
            return default
        del self[key]
        return found

    def popitem(self):
        """Remove and return an arbitrary (key, value) pair."""
        for key in self:
            break
        else:
            raise KeyError
        found = self[key]
        del self[key]
        return key, found

    def clear(self):
        """Remove every item."""
        while True:
            try:
                self.popitem()
            except KeyError:
                return

    def update(self, other=(), /, **kwds):
        """Copy pairs from a mapping, an object with keys(), or an
        iterable of pairs, then from the keyword arguments."""
        if isinstance(other, Mapping):
            for k in other:
                self[k] = other[k]
        elif hasattr(other, "keys"):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwds.items():
            self[k] = v

    def setdefault(self, key, default=None):
        """self[key], first storing default there when key is absent."""
        try:
            return self[key]
        except KeyError:
            pass
        self[key] = default
        return default

    __slots__ = ()


Mapping.register(mappingproxy)
KeysView.register(dict_keys)
ItemsView.register(dict_items)
ValuesView.register(dict_values)
MutableMapping.register(dict)


class Sequence(Reversible, Collection):
    """Read-only sequence built on __getitem__ and __len__."""


    __abc_tpflags__ = 1 << 5

    def __contains__(self, value):
        return any(x is value or x == value for x in self)

    @abstractmethod
    def __getitem__(self, index):
        """The element (or slice) at index."""
        raise IndexError

    def __iter__(self):
        pos = 0
        while True:
            try:
                item = self[pos]
            except IndexError:
                return
            yield item
            pos += 1

    def __reversed__(self):
        pos = len(self)
        while pos > 0:
            pos -= 1
            yield self[pos]

    def index(self, value, start=0, stop=None):
        """Position of the first occurrence of value in [start:stop];
        ValueError when there is none."""
        if start is not None and start < 0:
            start = max(start + len(self), 0)
        if stop is not None and stop < 0:
            stop = stop + len(self)
        pos = start
        while stop is None or pos < stop:
            try:
                item = self[pos]
            except IndexError:
                break
            if item is value or item == value:
                return pos
            pos += 1
        raise ValueError

    def count(self, value):
        """Number of occurrences of value."""
        total = 0
        for x in self:
            if x is value or x == value:
                total += 1
        return total

    __slots__ = ()


class MutableSequence(Sequence):
    """Sequence that also supports assignment, deletion and insert."""


    @abstractmethod
    def insert(self, index, value):
        """Put value just before position index."""
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        """Delete the element (or slice) at index."""
        raise IndexError

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    def append(self, value):
        """Add value at the end."""
        self.insert(len(self), value)

    def extend(self, values):
        """Append every element of values."""
        for x in (list(values) if values is self else values):
            self.append(x)

    def pop(self, index=-1):
        """Remove and return the element at index (the last by default)."""
        item = self[index]
        del self[index]
        return item

    def remove(self, value):
        """Delete the first occurrence of value."""
        del self[self.index(value)]

    def clear(self):
        """Remove every element."""
        while True:
            try:
                self.pop()
            except IndexError:
                return

    def reverse(self):
        """Reverse the elements in place."""
        lo, hi = 0, len(self) - 1
        while lo < hi:
            self[lo], self[hi] = self[hi], self[lo]
            lo += 1
            hi -= 1

    def __iadd__(self, values):
        self.extend(values)
        return self

    __slots__ = ()


Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)
MutableSequence.register(list)


class Awaitable(metaclass=ABCMeta):
    @abstractmethod
    def __await__(self):
        yield

    __slots__ = ()


class Coroutine(Awaitable):
    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        _reraise(typ, val, tb)

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError("coroutine ignored GeneratorExit")

    __slots__ = ()


class AsyncIterable(metaclass=ABCMeta):
    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()

    __slots__ = ()


class AsyncIterator(AsyncIterable):
    @abstractmethod
    def __anext__(self):
        raise StopAsyncIteration

    def __aiter__(self):
        return self

    __slots__ = ()


class AsyncGenerator(AsyncIterator):
    def __anext__(self):
        return self.asend(None)

    @abstractmethod
    def asend(self, value):
        raise StopAsyncIteration

    @abstractmethod
    def athrow(self, typ, val=None, tb=None):
        _reraise(typ, val, tb)

    def aclose(self):
        return self.athrow(GeneratorExit)

    __slots__ = ()


_hook(Awaitable, "__await__")
_hook(Coroutine, "__await__", "send", "throw", "close")
_hook(AsyncIterable, "__aiter__")
_hook(AsyncIterator, "__anext__", "__aiter__")
_hook(AsyncGenerator, "__aiter__", "__anext__", "asend", "athrow", "aclose")


class ByteString(Sequence):
    """Bytes-like sequences (nothing is registered under rcpy)."""
    __slots__ = ()


del _t
