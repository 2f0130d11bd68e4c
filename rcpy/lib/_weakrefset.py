"""WeakSet, plus _IterationGuard, the context manager the weak containers
(this WeakSet and weakref's two weak dictionaries) use while iterating.

Rule shared by all of them: as long as some iteration is in progress (the
container's _iterating set is non-empty), death callbacks leave the
underlying container alone and append to _pending_removals instead; the
queue is flushed when the last iteration finishes, or before any operation
that needs an exact view.
"""

from _weakref import ref

__all__ = ["WeakSet"]


class _IterationGuard:
    """Registers one in-progress iteration on a weak container."""

    __slots__ = ("weakcontainer",)

    def __init__(self, weakcontainer):
        # held weakly so that a suspended generator does not pin the
        # container
        self.weakcontainer = ref(weakcontainer)

    def __enter__(self):
        owner = self.weakcontainer()
        if owner is not None:
            owner._iterating.add(self)
        return self

    def __exit__(self, e, t, b):
        owner = self.weakcontainer()
        if owner is None:
            return
        active = owner._iterating
        active.remove(self)
        if not active:
            owner._commit_removals()


class WeakSet:
    """Set whose members are weakly referenced."""

    def __init__(self, data=None):
        self.data = set()

        def on_member_death(r, owner_ref=ref(self)):
            owner = owner_ref()
            if owner is None:
                return
            if owner._iterating:
                owner._pending_removals.append(r)
            else:
                owner.data.discard(r)

        self._iterating = set()
        self._pending_removals = []
        self._remove = on_member_death
        if data is not None:
            self.update(data)

    def _commit_removals(self):
        queue, drop = self._pending_removals, self.data.discard
        while queue:
            drop(queue.pop())

    def _fresh(self):
        # the underlying set, with queued removals applied first
        if self._pending_removals:
            self._commit_removals()
        return self.data

    def __iter__(self):
        with _IterationGuard(self):
            for r in self.data:
                member = r()
                if member is not None:
                    yield member

    def __contains__(self, item):
        try:
            probe = ref(item)
        except TypeError:
            probe = None
        return probe is not None and probe in self.data

    def __repr__(self):
        return repr(self.data)

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __reduce__(self):
        state = getattr(self, "__dict__", None)
        return (self.__class__, (list(self),), state)

    # mutation

    def add(self, item):
        self._fresh().add(ref(item, self._remove))

    def clear(self):
        self._fresh().clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        table = self._fresh()
        member = None
        while member is None:
            try:
                r = table.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            member = r()
        return member

    def remove(self, item):
        self._fresh().remove(ref(item))

    def discard(self, item):
        self._fresh().discard(ref(item))

    def update(self, other):
        self._fresh()
        for member in other:
            self.add(member)

    def __ior__(self, other):
        self.update(other)
        return self

    def __isub__(self, other):
        table = self._fresh()
        if other is self:
            table.clear()
        else:
            table.difference_update(map(ref, other))
        return self

    def difference_update(self, other):
        self.__isub__(other)

    def __iand__(self, other):
        self._fresh().intersection_update(map(ref, other))
        return self

    def intersection_update(self, other):
        self.__iand__(other)

    def __ixor__(self, other):
        table = self._fresh()
        if other is self:
            table.clear()
        else:
            table.symmetric_difference_update(
                ref(x, self._remove) for x in other)
        return self

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    # operations producing a new set

    def difference(self, other):
        out = self.copy()
        out.difference_update(other)
        return out

    __sub__ = difference

    def intersection(self, other):
        return self.__class__(x for x in other if x in self)

    __and__ = intersection

    def symmetric_difference(self, other):
        out = self.copy()
        out.symmetric_difference_update(other)
        return out

    __xor__ = symmetric_difference

    def union(self, other):
        return self.__class__(x for src in (self, other) for x in src)

    __or__ = union

    # comparisons

    def _refset(self, other):
        return set(map(ref, other))

    def issubset(self, other):
        return self.data.issubset(map(ref, other))

    __le__ = issubset

    def issuperset(self, other):
        return self.data.issuperset(map(ref, other))

    __ge__ = issuperset

    def __lt__(self, other):
        return self.data < self._refset(other)

    def __gt__(self, other):
        return self.data > self._refset(other)

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == self._refset(other)

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0
