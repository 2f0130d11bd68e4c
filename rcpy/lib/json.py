"""json for rcpy: dumps/dump and loads/load with CPython 3.11's output and
errors for the usual arguments.

dumps writes dicts, lists, tuples, str, int, float, True/False/None (and
what default= turns other objects into) with indent=, separators=,
sort_keys=, ensure_ascii=, allow_nan=, skipkeys=; floats as repr() does,
NaN and infinities as NaN/Infinity; circular containers raise
ValueError("Circular reference detected"). loads parses standard JSON
(plus NaN/Infinity) into dicts, lists, str, int, float, True/False/None,
with object_hook=, object_pairs_hook=, parse_float=, parse_int=, and
raises JSONDecodeError (a ValueError) with CPython's message, line and
column. The JSONEncoder/JSONDecoder classes are reduced to their
constructors' arguments and encode/decode.
"""

__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError",
           "JSONEncoder"]

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
            "\b": "\\b", "\f": "\\f"}


def _encode_str(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch < " " or (ensure_ascii and ch > "~"):
            n = ord(ch)
            if n > 0xFFFF:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (n >> 10),
                                               0xDC00 | (n & 0x3FF)))
            else:
                out.append("\\u%04x" % n)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


class JSONEncoder:
    """Turns Python values into JSON text."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if isinstance(indent, int):
            indent = " " * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type %s is not JSON serializable"
                        % o.__class__.__name__)

    def encode(self, o):
        out = []
        self._encode(o, out, {}, 0)
        return "".join(out)

    def _float(self, o):
        if o != o:
            text = "NaN"
        elif o == float("inf"):
            text = "Infinity"
        elif o == -float("inf"):
            text = "-Infinity"
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON "
                             "compliant")
        return text

    def _encode(self, o, out, markers, level):
        if isinstance(o, str):
            out.append(_encode_str(o, self.ensure_ascii))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self._float(o))
        elif isinstance(o, (list, tuple)):
            self._container(o, out, markers, level, "[", "]", self._list)
        elif isinstance(o, dict):
            self._container(o, out, markers, level, "{", "}", self._dict)
        else:
            self._mark(o, markers)
            self._encode(self.default(o), out, markers, level)
            del markers[id(o)]

    def _mark(self, o, markers):
        if self.check_circular:
            if id(o) in markers:
                raise ValueError("Circular reference detected")
            markers[id(o)] = o

    def _container(self, o, out, markers, level, open_, close, items):
        if not o:
            out.append(open_ + close)
            return
        self._mark(o, markers)
        out.append(open_)
        if self.indent is not None:
            level += 1
            newline = "\n" + self.indent * level
            separator = self.item_separator + newline
            out.append(newline)
        else:
            separator = self.item_separator
        items(o, out, markers, level, separator)
        if self.indent is not None:
            out.append("\n" + self.indent * (level - 1))
        out.append(close)
        if self.check_circular:
            del markers[id(o)]

    def _list(self, o, out, markers, level, separator):
        first = True
        for value in o:
            if not first:
                out.append(separator)
            first = False
            self._encode(value, out, markers, level)

    def _key(self, key):
        """The key as JSON text, or None to skip it."""
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self._float(key)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not %s"
                        % key.__class__.__name__)

    def _dict(self, o, out, markers, level, separator):
        items = list(o.items())
        if self.sort_keys:
            items.sort(key=_first)
        first = True
        for key, value in items:
            key = self._key(key)
            if key is None:
                continue
            if not first:
                out.append(separator)
            first = False
            out.append(_encode_str(key, self.ensure_ascii))
            out.append(self.key_separator)
            self._encode(value, out, markers, level)


def _first(pair):
    return pair[0]


def dumps(obj, *, skipkeys=False, ensure_ascii=True,
          check_circular=True, allow_nan=True, cls=None, indent=None,
          separators=None, default=None, sort_keys=False, **kw):
    encoder_type = JSONEncoder if cls is None else cls
    encoder = encoder_type(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                           check_circular=check_circular,
                           allow_nan=allow_nan, indent=indent,
                           separators=separators, default=default,
                           sort_keys=sort_keys, **kw)
    return encoder.encode(obj)


def dump(obj, fp, **kwargs):
    fp.write(dumps(obj, **kwargs))


# ===================================================================== #
# Decoding                                                               #
# ===================================================================== #

class JSONDecodeError(ValueError):
    """Invalid JSON: msg, the document, the position, line and column."""

    __module__ = "json.decoder"

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        super().__init__("%s: line %d column %d (char %d)"
                         % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_WS = " \t\n\r"
_UNESCAPE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n",
             "r": "\r", "t": "\t"}
_CONSTANTS = {"-Infinity": float("-inf"), "Infinity": float("inf"),
              "NaN": float("nan")}


class JSONDecoder:
    """Turns JSON text into Python values."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, self._skip(s, 0))
        end = self._skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        return self._value(s, idx)

    def _skip(self, s, i):
        while i < len(s) and s[i] in _WS:
            i += 1
        return i

    def _value(self, s, i):
        ch = s[i:i + 1]
        if ch == '"':
            return self._string(s, i + 1)
        if ch == "{":
            return self._object(s, i + 1)
        if ch == "[":
            return self._array(s, i + 1)
        for word, value in (("null", None), ("true", True), ("false", False)):
            if s.startswith(word, i):
                return value, i + len(word)
        for word in ("NaN", "Infinity", "-Infinity"):
            if s.startswith(word, i):
                return self.parse_constant(word), i + len(word)
        return self._number(s, i)

    def _number(self, s, i):
        j = i
        if s[j:j + 1] == "-":
            j += 1
        if s[j:j + 1] == "0":
            j += 1
        elif s[j:j + 1].isdigit() and s[j:j + 1] in "123456789":
            while s[j:j + 1] and s[j:j + 1] in "0123456789":
                j += 1
        else:
            raise JSONDecodeError("Expecting value", s, i)
        is_float = False
        if s[j:j + 1] == "." and s[j + 1:j + 2] and \
                s[j + 1:j + 2] in "0123456789":
            is_float = True
            j += 1
            while s[j:j + 1] and s[j:j + 1] in "0123456789":
                j += 1
        if s[j:j + 1] in ("e", "E"):
            k = j + 1
            if s[k:k + 1] in ("+", "-"):
                k += 1
            if s[k:k + 1] and s[k:k + 1] in "0123456789":
                is_float = True
                j = k
                while s[j:j + 1] and s[j:j + 1] in "0123456789":
                    j += 1
        text = s[i:j]
        return (self.parse_float(text) if is_float
                else self.parse_int(text)), j

    def _string(self, s, i):
        start = i - 1
        chunks = []
        while True:
            j = i
            while j < len(s) and s[j] not in '"\\' and \
                    (s[j] >= " " or not self.strict):
                j += 1
            chunks.append(s[i:j])
            if j >= len(s):
                raise JSONDecodeError("Unterminated string starting at", s,
                                      start)
            ch = s[j]
            if ch == '"':
                return "".join(chunks), j + 1
            if ch != "\\":
                raise JSONDecodeError("Invalid control character at", s, j)
            esc = s[j + 1:j + 2]
            if esc == "u":
                char, i = self._unicode_escape(s, j)
                chunks.append(char)
                continue
            if esc not in _UNESCAPE:
                if not esc:
                    raise JSONDecodeError("Unterminated string starting at",
                                          s, start)
                raise JSONDecodeError("Invalid \\escape", s, j)
            chunks.append(_UNESCAPE[esc])
            i = j + 2

    def _hex4(self, s, pos):
        digits = s[pos + 1:pos + 5]
        if len(digits) == 4 and all(c in "0123456789abcdefABCDEF"
                                    for c in digits):
            return int(digits, 16)
        raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)

    def _unicode_escape(self, s, j):
        uni = self._hex4(s, j + 1)
        end = j + 6
        if 0xD800 <= uni <= 0xDBFF and s[end:end + 2] == "\\u":
            low = self._hex4(s, end + 1)
            if 0xDC00 <= low <= 0xDFFF:
                uni = 0x10000 + (((uni - 0xD800) << 10) | (low - 0xDC00))
                end += 6
        return chr(uni), end

    def _object(self, s, i):
        pairs = []
        i = self._skip(s, i)
        if s[i:i + 1] == "}":
            return self._finish_object(pairs), i + 1
        while True:
            if s[i:i + 1] != '"':
                raise JSONDecodeError("Expecting property name enclosed in "
                                      "double quotes", s, i)
            key, i = self._string(s, i + 1)
            i = self._skip(s, i)
            if s[i:i + 1] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self._skip(s, i + 1)
            value, i = self._value(s, i)
            pairs.append((key, value))
            i = self._skip(s, i)
            ch = s[i:i + 1]
            if ch == "}":
                return self._finish_object(pairs), i + 1
            if ch != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self._skip(s, i + 1)

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(obj)
        return obj

    def _array(self, s, i):
        values = []
        i = self._skip(s, i)
        if s[i:i + 1] == "]":
            return values, i + 1
        while True:
            value, i = self._value(s, i)
            values.append(value)
            i = self._skip(s, i)
            ch = s[i:i + 1]
            if ch == "]":
                return values, i + 1
            if ch != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self._skip(s, i + 1)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, "
                        "not %s" % s.__class__.__name__)
    if s.startswith("\ufeff"):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)",
                              s, 0)
    return (cls or JSONDecoder)(
        object_hook=object_hook, parse_float=parse_float,
        parse_int=parse_int, parse_constant=parse_constant,
        object_pairs_hook=object_pairs_hook, **kw).decode(s)


def load(fp, **kwargs):
    return loads(fp.read(), **kwargs)
