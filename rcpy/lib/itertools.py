"""itertools for rcpy: CPython 3.11's iterator building blocks, written as
generators (so type(itertools.count()) is a generator, not a class named
count, and the objects have no CPython-specific reprs). Results, their
order and argument errors are CPython's; tee is not provided.
"""

__all__ = ["count", "cycle", "repeat", "accumulate", "chain", "compress",
           "dropwhile", "filterfalse", "groupby", "islice", "pairwise",
           "starmap", "takewhile", "zip_longest", "product", "permutations",
           "combinations", "combinations_with_replacement"]


def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


def repeat(object, times=None):
    if times is None:
        while True:
            yield object
    else:
        for _ in range(times):
            yield object


def _add(a, b):
    return a + b


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = (func or _add)(total, element)
        yield total


def chain(*iterables):
    for it in iterables:
        for element in it:
            yield element


def _from_iterable(iterables):
    for it in iterables:
        for element in it:
            yield element


chain.from_iterable = _from_iterable


def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


class _Group:
    """The shared state of groupby and its groups."""

    def __init__(self, iterable, key):
        self.it = iter(iterable)
        self.key = key if key is not None else _identity
        self.exhausted = False
        self.current = None
        self.tgtkey = self.currkey = self.currvalue = _marker
        self.token = 0  # which group is current; older groups are over

    def advance(self):
        try:
            self.currvalue = next(self.it)
        except StopIteration:
            self.exhausted = True
            return False
        self.currkey = self.key(self.currvalue)
        return True

    def group(self, tgtkey, token):
        while self.token == token and not self.exhausted and \
                self.currkey == tgtkey:
            value = self.currvalue
            self.advance()
            yield value


_marker = object()


def _identity(x):
    return x


def groupby(iterable, key=None):
    state = _Group(iterable, key)
    if not state.advance():
        return
    while not state.exhausted:
        tgtkey = state.currkey
        state.token += 1
        yield tgtkey, state.group(tgtkey, state.token)
        while not state.exhausted and state.currkey == tgtkey:
            state.advance()


def islice(iterable, *args):
    s = slice(*args)
    start, stop, step = s.start or 0, s.stop, s.step or 1
    for name, value in (("Indices", start), ("Stop argument", stop)):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ValueError("%s for islice() must be None or an integer: "
                             "0 <= x <= sys.maxsize." % name)
    if not isinstance(step, int) or step <= 0:
        raise ValueError("Step for islice() must be a positive integer or "
                         "None.")
    it = iter(iterable)
    index = 0
    nexti = start
    for element in it:
        if stop is not None and index >= stop:
            return
        if index == nexti:
            yield element
            nexti += step
        index += 1


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def zip_longest(*args, fillvalue=None):
    iterators = [iter(it) for it in args]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def product(*args, repeat=1):
    pools = [tuple(pool) for pool in args] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
