"""io for rcpy: in-memory text streams (StringIO) with CPython 3.11's
behaviour and messages, plus the names programs test against
(UnsupportedOperation, SEEK_SET/SEEK_CUR/SEEK_END, open).

On CPython (tests/py run rcpy/lib there too) this module hands over to
CPython's own _io at the end: the interpreter itself reads source lines
for tracebacks through io.open and io.TextIOWrapper, which rcpy's io
does not have.

A StringIO keeps its text as a list of characters and a position; the
invariant is 0 <= position, and a write past the end pads with NULs as
CPython's does. rcpy has no bytes, so BytesIO and the binary layers are
not provided; open() is the builtin.
"""

__all__ = ["StringIO", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "open", "TextIOBase", "IOBase"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

open = open


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    """What every stream has; subclasses say what they support."""


class TextIOBase(IOBase):
    pass


def _check_str(s, what="string argument expected, got '%s'"):
    if not isinstance(s, str):
        raise TypeError(what % type(s).__name__)


class StringIO(TextIOBase):
    """A text stream held in memory."""

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s"
                            % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is None:
            initial_value = ""
        _check_str(initial_value,
                   "initial_value must be str or None, not %s")
        self._newline = newline
        self._chars = []
        self._pos = 0
        self._closed = False
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    # ---- state ------------------------------------------------------- #

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    @property
    def closed(self):
        return self._closed

    @property
    def newlines(self):
        self._check_open()
        return None

    @property
    def line_buffering(self):
        return False

    def close(self):
        self._closed = True

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def flush(self):
        self._check_open()

    def detach(self):
        raise UnsupportedOperation("detach")

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- reading ----------------------------------------------------- #

    def getvalue(self):
        self._check_open()
        return "".join(self._chars)

    def _span(self, size, message):
        """(start, limit) of a read of at most size characters (None or
        negative: to the end) from the position."""
        self._check_open()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError(message % type(size).__name__)
        n = len(self._chars)
        start = min(self._pos, n)
        return start, (n if size < 0 else min(n, start + size))

    def _take(self, start, end):
        self._pos = max(self._pos, end)
        return "".join(self._chars[start:end])

    def read(self, size=-1):
        start, end = self._span(
            size, "argument should be integer or None, not '%s'")
        return self._take(start, end)

    def _line_end(self, start, limit):
        chars = self._chars
        i = start
        while i < limit:
            c = chars[i]
            if self._newline == "":
                if c == "\n":
                    return i + 1
                if c == "\r":
                    if i + 1 < limit and chars[i + 1] == "\n":
                        return i + 2
                    return i + 1
            elif self._newline in ("\r", "\r\n"):
                if c == self._newline[0] and "".join(
                        chars[i:i + len(self._newline)]) == self._newline:
                    return i + len(self._newline)
            elif c == "\n":
                return i + 1
            i += 1
        return limit

    def readline(self, size=-1):
        start, limit = self._span(size, "integer argument expected, got '%s'")
        return self._take(start, self._line_end(start, limit))

    def readlines(self, hint=-1):
        self._check_open()
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # ---- writing and moving ------------------------------------------ #

    def _translate(self, s):
        if self._newline is None:
            return s.replace("\r\n", "\n").replace("\r", "\n")
        if self._newline in ("\r", "\r\n"):
            return s.replace("\n", self._newline)
        return s

    def write(self, s):
        self._check_open()
        _check_str(s)
        n = len(s)
        s = self._translate(s)
        chars = self._chars
        if self._pos > len(chars):
            chars.extend(["\0"] * (self._pos - len(chars)))
        chars[self._pos:self._pos + len(s)] = list(s)
        self._pos += len(s)
        return n

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError("an integer is required")
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence in (1, 2):
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            if whence == 2:
                self._pos = len(self._chars)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)"
                             % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        del self._chars[size:]
        return size


if __import__("sys").implementation.name != "rcpy":
    from _io import *  # noqa: F401,F403 -- CPython's io, see above
