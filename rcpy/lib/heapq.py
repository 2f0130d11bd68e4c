"""heapq for rcpy: CPython 3.11's binary-heap functions on lists, with
the same sift algorithm, so heaps, pops and nlargest/nsmallest come out
in CPython's order; merge of sorted inputs; and the max-heap helpers
(_heapify_max, _heappop_max, _heapreplace_max) CPython keeps private."""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "heappushpop",
           "nlargest", "nsmallest", "merge"]


def heappush(heap, item):
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def _pop(heap, siftup):
    """Takes the top off (the last item fills its place, then sifts)."""
    if not heap:
        raise IndexError("index out of range")
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        siftup(heap, 0)
        return returnitem
    return lastelt


def _replace(heap, item, siftup):
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    siftup(heap, 0)
    return returnitem


def heappop(heap):
    return _pop(heap, _siftup)


def heapreplace(heap, item):
    return _replace(heap, item, _siftup)


def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


def _siftdown(heap, startpos, pos):
    """Moves heap[pos] up towards startpos to its place."""
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    """Moves the smaller child up until a leaf, then sifts the item down
    (CPython's bottom-up variant)."""
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


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


# ===================================================================== #
# Max-heaps (private helpers, as in CPython)                            #
# ===================================================================== #

def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def _heapify_max(x):
    for i in reversed(range(len(x) // 2)):
        _siftup_max(x, i)


def _heappop_max(heap):
    return _pop(heap, _siftup_max)


def _heapreplace_max(heap, item):
    return _replace(heap, item, _siftup_max)


# ===================================================================== #
# merge                                                                  #
# ===================================================================== #

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
