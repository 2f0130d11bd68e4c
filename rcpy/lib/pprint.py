"""pprint for rcpy: pformat and pprint of CPython 3.11 for the builtin
containers (dict, list, tuple, set, frozenset), which unittest's failure
diffs print.

A value whose one-line form fits in the width is printed on one line, with
dict keys sorted (CPython's sort_dicts=True, mixed key types ordered by
type name as CPython does); a longer dict, list, tuple or set is broken
into one item per line, indented as CPython's PrettyPrinter indents it
(indent=1, width=80). Long strings are not split into chunks, and
compact=True is not supported: both are printed as their repr.
"""

import sys

__all__ = ["pformat", "pprint", "PrettyPrinter", "saferepr"]


def pformat(object, indent=1, width=80, depth=None, *, compact=False,
            sort_dicts=True, underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth,
                         sort_dicts=sort_dicts).pformat(object)


def pprint(object, stream=None, indent=1, width=80, depth=None, *,
           compact=False, sort_dicts=True, underscore_numbers=False):
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth,
                  sort_dicts=sort_dicts).pprint(object)


def saferepr(object):
    return PrettyPrinter()._repr(object, {}, 0)


class _SafeKey:
    """Sort key that still orders values which refuse to compare: those
    fall back on (type text, id)."""

    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        a, b = self.obj, other.obj
        try:
            return a < b
        except TypeError:
            pass
        return (str(type(a)), id(a)) < (str(type(b)), id(b))


def _safe_tuple(pair):
    return _SafeKey(pair[0]), _SafeKey(pair[1])


def _plain(obj, cls):
    """Is obj a cls (or a subclass) still printed by cls's own repr?"""
    if not isinstance(obj, cls):
        return False
    for klass in type(obj).__mro__:
        if klass is cls:
            return True
        if "__repr__" in klass.__dict__:
            return False
    return False


class _Writer:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._indent_per_level = indent
        self._width = width
        self._depth = depth
        self._stream = stream
        self._sort_dicts = sort_dicts

    def pformat(self, object):
        out = _Writer()
        self._format(object, out, 0, 0, {}, 0)
        return "".join(out.parts)

    def pprint(self, object):
        stream = self._stream if self._stream is not None else sys.stdout
        stream.write(self.pformat(object) + "\n")

    # --- one line ---------------------------------------------------------

    def _repr(self, object, context, level):
        """The one-line form: dicts with sorted keys, containers recursive,
        '...' past the depth, <Recursion on ...> for cycles."""
        if _plain(object, dict):
            return self._repr_items(object, context, level, "{", "}", True)
        if _plain(object, list):
            return self._repr_items(object, context, level, "[", "]", False)
        if _plain(object, tuple):
            close = ",)" if len(object) == 1 else ")"
            return self._repr_items(object, context, level, "(", close, False)
        return repr(object)

    def _repr_items(self, object, context, level, open_, close, is_dict):
        if not object:
            return open_ + close.lstrip(",")
        if self._depth and level >= self._depth:
            return open_ + "..." + close
        if id(object) in context:
            return _recursion(object)
        context[id(object)] = 1
        level += 1
        parts = []
        if is_dict:
            items = object.items()
            if self._sort_dicts:
                items = sorted(items, key=_safe_tuple)
            for k, v in items:
                parts.append("%s: %s" % (self._repr(k, context, level),
                                         self._repr(v, context, level)))
        else:
            for item in object:
                parts.append(self._repr(item, context, level))
        del context[id(object)]
        return open_ + ", ".join(parts) + close

    # --- several lines ----------------------------------------------------

    def _format(self, object, stream, indent, allowance, context, level):
        if id(object) in context:
            stream.write(_recursion(object))
            return
        rep = self._repr(object, context, level)
        if len(rep) > self._width - indent - allowance:
            printer = self._printer_for(object)
            if printer is not None:
                context[id(object)] = 1
                printer(object, stream, indent, allowance, context, level + 1)
                del context[id(object)]
                return
        stream.write(rep)

    def _printer_for(self, object):
        if _plain(object, dict):
            return self._pprint_dict
        if _plain(object, list):
            return self._pprint_list
        if _plain(object, tuple):
            return self._pprint_tuple
        if _plain(object, set) or _plain(object, frozenset):
            return self._pprint_set
        return None

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        stream.write("{")
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * " ")
        if len(object):
            items = list(object.items())
            if self._sort_dicts:
                items = sorted(items, key=_safe_tuple)
            self._format_dict_items(items, stream, indent, allowance + 1,
                                    context, level)
        stream.write("}")

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.write("[")
        self._format_items(list(object), stream, indent, allowance + 1,
                           context, level)
        stream.write("]")

    def _pprint_tuple(self, object, stream, indent, allowance, context,
                      level):
        stream.write("(")
        close = ",)" if len(object) == 1 else ")"
        self._format_items(list(object), stream, indent,
                           allowance + len(close), context, level)
        stream.write(close)

    def _pprint_set(self, object, stream, indent, allowance, context, level):
        if len(object) == 0:
            stream.write(repr(object))
            return
        kind = type(object)
        opener, close = "{", "}"
        if kind is not set:
            opener, close = kind.__name__ + "({", "})"
            indent += len(kind.__name__) + 1
        stream.write(opener)
        items = sorted(object, key=_SafeKey)
        self._format_items(items, stream, indent, allowance + len(close),
                           context, level)
        stream.write(close)

    def _format_dict_items(self, items, stream, indent, allowance, context,
                           level):
        indent += self._indent_per_level
        between = ",\n" + " " * indent
        last_index = len(items) - 1
        for i, (key, value) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, context, level)
            stream.write(rep)
            stream.write(": ")
            self._format(value, stream, indent + len(rep) + 2,
                         allowance if last else 1, context, level)
            if not last:
                stream.write(between)

    def _format_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * " ")
        between = ",\n" + " " * indent
        last_index = len(items) - 1
        for i, item in enumerate(items):
            if i:
                stream.write(between)
            self._format(item, stream, indent,
                         allowance if i == last_index else 1, context, level)


def _recursion(object):
    return "<Recursion on %s with id=%s>" % (type(object).__name__, id(object))
