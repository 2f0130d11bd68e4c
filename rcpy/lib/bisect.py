"""Binary search in sorted sequences, and insertion that keeps them sorted
(rcpy's bisect; same probes and results as CPython's)."""

__all__ = ["bisect", "bisect_left", "bisect_right", "insort",
           "insort_left", "insort_right"]


def _search(a, x, lo, hi, key, right):
    """Index where x goes in a[lo:hi]: past the items equal to x when
    right is true, before them otherwise."""
    if lo < 0:
        raise ValueError("lo must be non-negative")
    if hi is None:
        hi = len(a)
    while hi > lo:
        middle = (lo + hi) // 2
        probe = a[middle] if key is None else key(a[middle])
        if right:
            below = x < probe
        else:
            below = not probe < x
        if below:
            hi = middle
        else:
            lo = middle + 1
    return lo


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Index just past the last item that is <= x."""
    return _search(a, x, lo, hi, key, True)


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Index of the first item that is >= x."""
    return _search(a, x, lo, hi, key, False)


def insort_right(a, x, lo=0, hi=None, *, key=None):
    probe = x if key is None else key(x)
    a.insert(_search(a, probe, lo, hi, key, True), x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    probe = x if key is None else key(x)
    a.insert(_search(a, probe, lo, hi, key, False), x)


bisect = bisect_right
insort = insort_right
