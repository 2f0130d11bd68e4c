"""linecache for rcpy: source lines read once and kept for tracebacks,
warnings and inspect.

`cache` maps a file name to the tuple (size, mtime, lines, fullname); the
size and time let checkcache notice a file that changed on disk. Lines keep
their newline (the last one gets one if the file lacks it); asking for a
line that does not exist gives ''. Names in angle brackets ('<string>',
'<stdin>') have no file. rcpy has no module loaders, so lazycache never
registers anything and module_globals is not consulted.
"""

import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    """Forgets every file."""
    cache.clear()


def _cached_lines(filename):
    entry = cache.get(filename)
    return entry[2] if entry is not None and len(entry) == 4 else None


def getline(filename, lineno, module_globals=None):
    """Line lineno (counted from 1) of filename with its newline, or ''."""
    lines = getlines(filename, module_globals)
    return lines[lineno - 1] if 0 < lineno <= len(lines) else ""


def getlines(filename, module_globals=None):
    """Every line of filename, read now unless the cache has them."""
    lines = _cached_lines(filename)
    if lines is None:
        try:
            lines = updatecache(filename, module_globals)
        except MemoryError:  # the cache gives its memory back first
            clearcache()
            lines = []
    return lines


def _changed(entry):
    size, mtime, _lines, fullname = entry
    if mtime is None:  # not from a file: nothing to compare
        return False
    try:
        st = os.stat(fullname)
    except OSError:
        return True
    return (st.st_size, st.st_mtime) != (size, mtime)


def checkcache(filename=None):
    """Drops the entries whose file changed or vanished (all of them, or
    only filename's)."""
    if filename is None:
        names = list(cache)
    else:
        names = [filename] if filename in cache else []
    for name in names:
        entry = cache[name]
        if len(entry) == 4 and _changed(entry):
            del cache[name]


def _locate(filename):
    """(stat, path) of filename as given or under a sys.path folder."""
    try:
        return os.stat(filename), filename
    except OSError:
        pass
    for folder in sys.path:
        try:
            path = os.path.join(folder, filename)
            return os.stat(path), path
        except (OSError, TypeError, AttributeError):
            continue
    return None, None


def updatecache(filename, module_globals=None):
    """Reads filename into the cache again and returns its lines ([] when
    there is no such file or it cannot be read as UTF-8)."""
    cache.pop(filename, None)
    if not filename or filename[:1] + filename[-1:] == "<>":
        return []
    st, path = _locate(filename)
    if st is None:
        return []
    try:
        with open(path, encoding="utf-8") as src:
            lines = src.readlines()
    except (OSError, UnicodeDecodeError, SyntaxError):
        return []
    if lines and lines[-1][-1:] != "\n":
        lines[-1] = lines[-1] + "\n"
    cache[filename] = (st.st_size, st.st_mtime, lines, path)
    return lines


def lazycache(filename, module_globals):
    """Nothing to defer to in rcpy: always False."""
    return False
