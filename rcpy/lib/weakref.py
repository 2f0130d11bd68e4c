"""rcpy's weakref module: re-exports the C-level _weakref primitives and
adds WeakMethod, KeyedRef, WeakValueDictionary, WeakKeyDictionary, WeakSet
and finalize on top of them.

Entries of the weak mappings vanish through callbacks that hold the
mapping only weakly; while a mapping is being iterated, dead entries are
queued and dropped later (see _weakrefset._IterationGuard).
"""

import sys

from _weakref import (getweakrefcount, getweakrefs, ref, proxy,
                      CallableProxyType, ProxyType, ReferenceType,
                      _remove_dead_weakref)
from _weakrefset import WeakSet, _IterationGuard

__all__ = ("ref proxy getweakrefcount getweakrefs WeakKeyDictionary "
           "ReferenceType ProxyType CallableProxyType ProxyTypes "
           "WeakValueDictionary WeakSet WeakMethod finalize").split()

ProxyTypes = (ProxyType, CallableProxyType)


class WeakMethod(ref):
    """Weak reference to a bound method; dead once its instance or its
    function is gone."""

    __slots__ = "_func_ref", "_meth_type", "_alive", "__weakref__"

    def __new__(cls, meth, callback=None):
        try:
            target, function = meth.__self__, meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def on_death(_dead):
            me = me_ref()
            if not me._alive:
                return
            me._alive = False
            if callback is not None:
                callback(me)

        inst = ref.__new__(cls, target, on_death)
        inst._func_ref = ref(function, on_death)
        inst._meth_type = type(meth)
        inst._alive = True
        me_ref = ref(inst)
        return inst

    def __call__(self):
        target = super().__call__()
        function = self._func_ref()
        if target is None or function is None:
            return None
        return function.__get__(target, type(target))

    def _same(self, other):
        return ref.__eq__(self, other) and self._func_ref == other._func_ref

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._alive and other._alive:
            return self._same(other)
        return self is other

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if self._alive and other._alive:
            return not self._same(other)
        return self is not other

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """ref subclass remembering the dictionary key it belongs to."""

    __slots__ = "key",

    def __new__(type, ob, callback, key):
        inst = ref.__new__(type, ob, callback)
        inst.key = key
        return inst

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class _WeakMapping:
    """Mapping helpers common to both weak dictionaries."""

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __eq__(self, other):
        if not hasattr(other, "items"):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None

    def clear(self):
        while True:
            try:
                self.popitem()
            except KeyError:
                return

    def __or__(self, other):
        if not hasattr(other, "keys"):
            return NotImplemented
        merged = self.copy()
        merged.update(other)
        return merged

    def __ior__(self, other):
        self.update(other)
        return self

    def __ror__(self, other):
        if not hasattr(other, "keys"):
            return NotImplemented
        merged = self.__class__()
        merged.update(other)
        merged.update(self)
        return merged

    def _start_weak_state(self, remover):
        self._remove = remover
        self._pending_removals = []
        self._iterating = set()


def _live_pairs_by_value(table):
    # (key, referent) for every entry of a key -> KeyedRef table still alive
    for k, r in table.items():
        target = r()
        if target is not None:
            yield k, target


class WeakValueDictionary(_WeakMapping):
    """Dictionary whose values are weakly referenced."""

    def __init__(self, other=(), /, **kw):
        def on_value_death(kr, owner_ref=ref(self),
                           _drop=_remove_dead_weakref):
            owner = owner_ref()
            if owner is None:
                return
            if owner._iterating:
                owner._pending_removals.append(kr.key)
            else:
                _drop(owner.data, kr.key)

        self._start_weak_state(on_value_death)
        self.data = {}
        self.update(other, **kw)

    def _commit_removals(self, _drop=_remove_dead_weakref):
        queue, table = self._pending_removals, self.data
        while queue:
            _drop(table, queue.pop())

    def _fresh(self):
        if self._pending_removals:
            self._commit_removals()
        return self.data

    def _wrap(self, key, value):
        return KeyedRef(value, self._remove, key)

    def __getitem__(self, key):
        target = self._fresh()[key]()
        if target is None:
            raise KeyError(key)
        return target

    def __delitem__(self, key):
        del self._fresh()[key]

    def __len__(self):
        return len(self._fresh())

    def __contains__(self, key):
        r = self._fresh().get(key)
        return r is not None and r() is not None

    def __setitem__(self, key, value):
        self._fresh()[key] = self._wrap(key, value)

    def copy(self):
        dup = WeakValueDictionary()
        with _IterationGuard(self):
            for k, target in _live_pairs_by_value(self._fresh()):
                dup[k] = target
        return dup

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        dup = self.__class__()
        with _IterationGuard(self):
            for k, target in _live_pairs_by_value(self._fresh()):
                dup[deepcopy(k, memo)] = target
        return dup

    def get(self, key, default=None):
        r = self._fresh().get(key)
        if r is None:
            return default
        target = r()
        return default if target is None else target

    def items(self):
        with _IterationGuard(self):
            yield from _live_pairs_by_value(self._fresh())

    def keys(self):
        with _IterationGuard(self):
            for k, _target in _live_pairs_by_value(self._fresh()):
                yield k

    __iter__ = keys

    def itervaluerefs(self):
        """Iterate over the weak references to the values."""
        with _IterationGuard(self):
            yield from self._fresh().values()

    def values(self):
        with _IterationGuard(self):
            for _k, target in _live_pairs_by_value(self._fresh()):
                yield target

    def popitem(self):
        table = self._fresh()
        target = None
        while target is None:
            k, r = table.popitem()
            target = r()
        return k, target

    def pop(self, key, *args):
        r = self._fresh().pop(key, None)
        target = None if r is None else r()
        if target is not None:
            return target
        if args:
            return args[0]
        raise KeyError(key)

    def setdefault(self, key, default=None):
        r = self.data.get(key)
        target = None if r is None else r()
        if target is None:
            self._fresh()[key] = self._wrap(key, default)
            target = default
        return target

    def update(self, other=None, /, **kwargs):
        table = self._fresh()
        sources = []
        if other is not None:
            sources.append(other if hasattr(other, "items") else dict(other))
        sources.append(kwargs)
        for src in sources:
            for k, v in src.items():
                table[k] = self._wrap(k, v)

    def valuerefs(self):
        """List of the weak references to the values."""
        return list(self._fresh().values())


class WeakKeyDictionary(_WeakMapping):
    """Dictionary whose keys are weakly referenced (they must be hashable
    and support weak references)."""

    def __init__(self, dict=None):
        self.data = {}

        def on_key_death(kr, owner_ref=ref(self)):
            owner = owner_ref()
            if owner is None:
                return
            if owner._iterating:
                owner._pending_removals.append(kr)
            else:
                owner.data.pop(kr, None)

        # True after a manual removal while removals were queued: the
        # queue may then mention entries that no longer exist
        self._dirty_len = False
        self._start_weak_state(on_key_death)
        if dict is not None:
            self.update(dict)

    def _commit_removals(self):
        queue, table = self._pending_removals, self.data
        while queue:
            table.pop(queue.pop(), None)

    def _scrub_removals(self):
        table = self.data
        self._pending_removals = [r for r in self._pending_removals
                                  if r in table]
        self._dirty_len = False

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        if self._pending_removals and self._dirty_len:
            self._scrub_removals()
        return len(self.data) - len(self._pending_removals)

    def __delitem__(self, key):
        probe = ref(key)
        self._dirty_len = True
        del self.data[probe]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def _live_items(self):
        for r, v in self.data.items():
            k = r()
            if k is not None:
                yield k, v

    def copy(self):
        dup = WeakKeyDictionary()
        with _IterationGuard(self):
            for k, v in self._live_items():
                dup[k] = v
        return dup

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        dup = self.__class__()
        with _IterationGuard(self):
            for k, v in self._live_items():
                dup[k] = deepcopy(v, memo)
        return dup

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            probe = ref(key)
        except TypeError:
            return False
        return probe in self.data

    def items(self):
        with _IterationGuard(self):
            yield from self._live_items()

    def keys(self):
        with _IterationGuard(self):
            for k, _v in self._live_items():
                yield k

    __iter__ = keys

    def values(self):
        with _IterationGuard(self):
            for _k, v in self._live_items():
                yield v

    def keyrefs(self):
        """List of the weak references to the keys."""
        return list(self.data)

    def popitem(self):
        self._dirty_len = True
        k = None
        while k is None:
            r, v = self.data.popitem()
            k = r()
        return k, v

    def pop(self, key, *args):
        probe = ref(key)
        self._dirty_len = True
        return self.data.pop(probe, *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        table = self.data
        if dict is not None:
            src = dict if hasattr(dict, "items") else type({})(dict)
            for k, v in src.items():
                table[ref(k, self._remove)] = v
        if kwargs:
            self.update(kwargs)


class _FinalizeInfo:
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    """finalize(obj, func, /, *args, **kwargs)

    Calls func(*args, **kwargs) a single time: when obj is collected, when
    the finalize object is called, or at interpreter exit (if its atexit
    flag is still true), whichever happens first. The state lives in a
    class-level registry keyed by the finalize object."""

    __slots__ = ()
    _registry = {}
    _shutdown = False
    _next_index = 0
    _dirty = False
    _registered_with_atexit = False

    _Info = _FinalizeInfo

    def __init__(self, obj, func, /, *args, **kwargs):
        cls = finalize
        if not cls._registered_with_atexit:
            import atexit
            atexit.register(self._exitfunc)
            cls._registered_with_atexit = True
        rec = _FinalizeInfo()
        rec.weakref = ref(obj, self)
        rec.func, rec.args, rec.kwargs = func, args, (kwargs or None)
        rec.atexit = True
        rec.index = cls._next_index
        cls._next_index = rec.index + 1
        self._registry[self] = rec
        cls._dirty = True

    def _snapshot(self):
        # (record, live object) or (record-or-None, None)
        rec = self._registry.get(self)
        return rec, (rec.weakref() if rec else None)

    def __call__(self, _=None):
        """Run the callback once, if still alive; return its result."""
        rec = self._registry.pop(self, None)
        if rec is None or self._shutdown:
            return None
        return rec.func(*rec.args, **(rec.kwargs or {}))

    def detach(self):
        """Kill the finalizer without running it; return (obj, func, args,
        kwargs) if it was alive, else None."""
        rec, target = self._snapshot()
        if target is None or self._registry.pop(self, None) is None:
            return None
        return (target, rec.func, rec.args, rec.kwargs or {})

    def peek(self):
        """Return (obj, func, args, kwargs) while alive, else None."""
        rec, target = self._snapshot()
        if target is None:
            return None
        return (target, rec.func, rec.args, rec.kwargs or {})

    @property
    def alive(self):
        """True while the finalizer has not run or been detached."""
        return self in self._registry

    @property
    def atexit(self):
        """True if the finalizer should run at interpreter exit."""
        rec = self._registry.get(self)
        return bool(rec) and rec.atexit

    @atexit.setter
    def atexit(self, value):
        rec = self._registry.get(self)
        if rec:
            rec.atexit = bool(value)

    def __repr__(self):
        _rec, target = self._snapshot()
        me = "%s object at %#x" % (type(self).__name__, id(self))
        if target is None:
            return "<%s; dead>" % me
        return "<%s; for %r at %#x>" % (me, type(target).__name__, id(target))

    @classmethod
    def _select_for_exit(cls):
        wanted = sorted((rec.index, f) for f, rec in cls._registry.items()
                        if rec.atexit)
        return [f for _i, f in wanted]

    @classmethod
    def _exitfunc(cls):
        gc_was_on = False
        try:
            if cls._registry:
                import gc
                gc_was_on = gc.isenabled()
                if gc_was_on:
                    gc.disable()
                todo = None
                while True:
                    if todo is None or finalize._dirty:
                        todo = cls._select_for_exit()
                        finalize._dirty = False
                    if not todo:
                        break
                    fin = todo.pop()
                    try:
                        fin()
                    except Exception:
                        sys.excepthook(*sys.exc_info())
                    assert fin not in cls._registry
        finally:
            finalize._shutdown = True
            if gc_was_on:
                gc.enable()
