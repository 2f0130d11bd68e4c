"""Min-heaps kept in plain lists (rcpy's heapq).

Items move by the same steps as in CPython, so a heap built here has the
same layout there; also merge() of sorted inputs, nsmallest/nlargest and
the private max-heap helpers."""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "heappushpop",
           "nlargest", "nsmallest", "merge"]


def heappush(heap, item):
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def _pop(heap, sink):
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if not heap:
        return last
    top, heap[0] = heap[0], last
    sink(heap, 0)
    return top


def _replace(heap, item, sink):
    if not heap:
        raise IndexError("index out of range")
    top, heap[0] = heap[0], item
    sink(heap, 0)
    return top


def heappop(heap):
    return _pop(heap, _siftup)


def heapreplace(heap, item):
    return _replace(heap, item, _siftup)


def heappushpop(heap, item):
    if not heap or not heap[0] < item:
        return item
    top = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return top


def _rebuild(seq, sink):
    """Bottom-up heap construction: sink every inner node, last first."""
    k = len(seq) // 2
    while k > 0:
        k -= 1
        sink(seq, k)


def heapify(x):
    _rebuild(x, _siftup)


def _min_first(a, b):
    return a < b


def _max_first(a, b):
    return b < a


def _bubble(heap, floor, at, before):
    """Lets heap[at] climb while it must come before its parent, never
    above index floor."""
    moving = heap[at]
    while at > floor:
        up = (at - 1) >> 1
        above = heap[up]
        if not before(moving, above):
            break
        heap[at] = above
        at = up
    heap[at] = moving


def _sink(heap, at, before):
    """Walks a hole from heap[at] down to a leaf, always promoting the
    child that should come first, then puts the displaced item in the hole
    and lets it climb back (the bottom-up method, fewer comparisons)."""
    size = len(heap)
    top = at
    moving = heap[at]
    kid = at + at + 1
    while kid < size:
        other = kid + 1
        if other < size and not before(heap[kid], heap[other]):
            kid = other
        heap[at] = heap[kid]
        at = kid
        kid = at + at + 1
    heap[at] = moving
    _bubble(heap, top, at, before)


def _siftdown(heap, startpos, pos):
    _bubble(heap, startpos, pos, _min_first)


def _siftup(heap, pos):
    _sink(heap, pos, _min_first)


def nsmallest(n, iterable, key=None):
    """The n smallest items, smallest first (stable for equal keys)."""
    items = list(iterable)
    if key is None:
        return sorted(items)[:n]
    return sorted(items, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items, largest first (stable for equal keys)."""
    items = list(iterable)
    if key is None:
        return sorted(items, reverse=True)[:n]
    return sorted(items, key=key, reverse=True)[:n]


# Private max-heap variants (CPython has them too; some code uses them).

def _siftdown_max(heap, startpos, pos):
    _bubble(heap, startpos, pos, _max_first)


def _siftup_max(heap, pos):
    _sink(heap, pos, _max_first)


def _heapify_max(x):
    _rebuild(x, _siftup_max)


def _heappop_max(heap):
    return _pop(heap, _siftup_max)


def _heapreplace_max(heap, item):
    return _replace(heap, item, _siftup_max)


def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs into one sorted stream, lazily; among equal
    items the earlier input's come first."""
    entries = []
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            entries.append([value if key is None else key(value), order,
                            value, it])
            break
    while entries:
        pick = 0
        for i in range(1, len(entries)):
            a, b = entries[i], entries[pick]
            if (b[0] < a[0]) if reverse else (a[0] < b[0]):
                pick = i
            elif not (a[0] < b[0] or b[0] < a[0]) and a[1] < b[1]:
                pick = i
        entry = entries[pick]
        yield entry[2]
        for value in entry[3]:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            break
        else:
            del entries[pick]
