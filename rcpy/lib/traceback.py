"""traceback for rcpy: formatting and printing exceptions the way the
interpreter prints an uncaught one.

Every text here comes from one place, sys.__excepthook__, which prints an
exception with its traceback, carets and chained causes exactly as
CPython 3.11 does. To get that text as a string, the hook is run with
sys.stderr pointing at a collector for the duration of the call (the hook
writes through sys.stderr's write method, as CPython's does), so the
collected text and what an uncaught exception shows can never disagree.

Supported: format_exception, format_exception_only, format_exc,
print_exception, print_exc, and their chain= argument (their limit=
arguments are accepted but not applied); stack extraction: walk_tb,
walk_stack, extract_tb, extract_stack, FrameSummary, StackSummary,
format_list, format_tb, format_stack, print_tb, print_stack (source lines
read from the files; a traceback's frames carry the interpreter's own
text for them, carets included, while frames of extract_stack have no
carets; no TracebackException).
"""

import sys

__all__ = ["format_exception", "format_exception_only", "format_exc",
           "print_exception", "print_exc", "walk_tb", "walk_stack",
           "extract_tb", "extract_stack", "FrameSummary", "StackSummary",
           "format_list", "format_tb", "format_stack", "print_tb",
           "print_stack"]

_sentinel = object()


class _Collector:
    """A stand-in for sys.stderr that keeps what is written."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass


def _lines(text):
    """The text split after each newline, as format_* functions return."""
    lines = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text) - 1
        lines.append(text[start:end + 1])
        start = end + 1
    return lines


def _value_and_tb(exc, value, tb):
    """CPython 3.10+'s calling forms: (exc) or (type, value, tb)."""
    if value is _sentinel:
        value = exc
        tb = exc.__traceback__ if exc is not None else None
    elif tb is _sentinel:
        tb = value.__traceback__ if value is not None else None
    return value, tb


def _hook_text(value, tb, chain):
    """What sys.__excepthook__ prints for value with traceback tb."""
    saved = None
    if not chain:
        saved = (value.__cause__, value.__context__,
                 value.__suppress_context__)
        value.__cause__ = None
        value.__context__ = None
    old_tb = value.__traceback__
    value.__traceback__ = tb
    stderr = sys.stderr
    sink = _Collector()
    sys.stderr = sink
    try:
        sys.__excepthook__(type(value), value, tb)
    finally:
        sys.stderr = stderr
        value.__traceback__ = old_tb
        if saved is not None:
            value.__cause__, value.__context__ = saved[0], saved[1]
            value.__suppress_context__ = saved[2]
    return "".join(sink.parts)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    """The lines printing exc with its traceback and (if chain) its causes
    and contexts would write, each ending with a newline."""
    value, tb = _value_and_tb(exc, value, tb)
    if value is None:
        return ["NoneType: None\n"]
    return _lines(_hook_text(value, tb, chain))


def format_exception_only(exc, /, value=_sentinel):
    """The last lines of the exception's report: 'ValueError: x', or the
    file, line and caret lines of a SyntaxError."""
    if value is _sentinel:
        value = exc
    if value is None:
        return ["NoneType: None\n"]
    return _lines(_hook_text(value, None, False))


def format_exc(limit=None, chain=True):
    """The exception being handled, formatted, as one string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit,
                                    chain=chain))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        file.write(line)


def print_exc(limit=None, file=None, chain=True):
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


# ===================================================================== #
# Stack extraction                                                       #
# ===================================================================== #

_source_cache = {}


def _getline(filename, lineno):
    """Line lineno (1-based) of filename, or '' when it cannot be read."""
    lines = _source_cache.get(filename)
    if lines is None:
        try:
            with open(filename) as f:
                lines = f.read().split("\n")
        except (OSError, UnicodeError, ValueError):
            lines = []
        _source_cache[filename] = lines
    if lineno is not None and 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


class FrameSummary:
    """One frame of a stack: file, line number, function name and the
    source line (read lazily when lookup_line is false)."""

    __slots__ = ("filename", "lineno", "end_lineno", "colno", "end_colno",
                 "name", "_line", "locals", "_text")

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None,
                 end_colno=None):
        self.filename, self.lineno, self.name = filename, lineno, name
        self.end_lineno, self.colno, self.end_colno = end_lineno, colno, end_colno
        self._line = line
        self._text = None  # the interpreter's lines for it, carets included
        if locals:
            self.locals = {key: repr(val) for key, val in locals.items()}
        else:
            self.locals = None
        if lookup_line:
            self._load_line()

    def _load_line(self):
        if self._line is None and self.lineno is not None:
            self._line = _getline(self.filename, self.lineno)
        return self._line

    def _as_tuple(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __eq__(self, other):
        if isinstance(other, tuple):
            return self._as_tuple() == other
        if not isinstance(other, FrameSummary):
            return NotImplemented
        mine = (self.filename, self.lineno, self.name, self.locals)
        return mine == (other.filename, other.lineno, other.name, other.locals)

    def __getitem__(self, pos):
        return self._as_tuple()[pos]

    def __iter__(self):
        return iter(self._as_tuple())

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file %s, line %s in %s>" % (
            self.filename, self.lineno, self.name)

    @property
    def _original_line(self):
        return self._load_line()

    @property
    def line(self):
        text = self._load_line()
        return None if text is None else text.strip()


def walk_tb(tb):
    """(frame, line number) for each level of a traceback, oldest first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    """(frame, line number) from f (default: the caller's) outwards."""
    if f is None:
        f = sys._getframe().f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


class StackSummary(list):
    """A list of FrameSummary objects, ready for formatting."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        if limit is None:
            limit = getattr(sys, "tracebacklimit", None)
            if limit is not None and limit < 0:
                limit = 0
        frames = list(frame_gen)
        if limit is not None:
            frames = frames[:limit] if limit >= 0 else frames[limit:]
        result = klass()
        for f, lineno in frames:
            co = f.f_code
            result.append(FrameSummary(
                co.co_filename, lineno, co.co_name, lookup_line=False,
                locals=f.f_locals if capture_locals else None))
        if lookup_lines:
            for entry in result:
                entry._load_line()
        return result

    @classmethod
    def from_list(klass, a_list):
        out = klass()
        for item in a_list:
            if not isinstance(item, FrameSummary):
                fname, lno, func, text = item
                item = FrameSummary(fname, lno, func, line=text)
            out.append(item)
        return out

    def format_frame_summary(self, frame_summary):
        text = getattr(frame_summary, "_text", None)
        if text is not None:
            row = [text]
        else:
            row = ['  File "{}", line {}, in {}\n'.format(
                frame_summary.filename, frame_summary.lineno,
                frame_summary.name)]
            if frame_summary.line:
                row.append("    {}\n".format(frame_summary.line))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append("    {name} = {value}\n".format(name=name,
                                                           value=value))
        return "".join(row)

    def format(self):
        result = []
        last = None
        count = 0
        for frame_summary in self:
            key = (frame_summary.filename, frame_summary.lineno,
                   frame_summary.name)
            if last is None or key != last:
                if count > 3:
                    count -= 3
                    result.append("  [Previous line repeated {} more "
                                  "time{}]\n".format(count,
                                                     "s" if count > 1 else ""))
                last = key
                count = 0
            count += 1
            if count > 3:
                continue
            result.append(self.format_frame_summary(frame_summary))
        if count > 3:
            count -= 3
            result.append("  [Previous line repeated {} more time{}]\n"
                          .format(count, "s" if count > 1 else ""))
        return result


def _shown(keys):
    """Which frames a report shows: runs of one repeated frame are cut
    after three (the rest become '[Previous line repeated ...]')."""
    shown = []
    last = None
    count = 0
    for key in keys:
        count = count + 1 if key == last else 1
        last = key
        shown.append(count <= 3)
    return shown


def _frame_texts(tb):
    """The interpreter's text for each level of tb (None for levels its
    report folds into '[Previous line repeated ...]')."""
    levels = [(f.f_code.co_filename, lineno, f.f_code.co_name)
              for f, lineno in walk_tb(tb)]
    try:
        report = _hook_text(RuntimeError(), tb, False)
    except Exception:
        return [None] * len(levels)
    chunks = []
    for line in _lines(report)[1:-1]:
        if line.startswith('  File "'):
            chunks.append(line)
        elif line.startswith("  [Previous line repeated"):
            continue
        elif chunks:
            chunks[-1] += line
    texts = []
    it = iter(chunks)
    for shown in _shown(levels):
        texts.append(next(it, None) if shown else None)
    return texts


def extract_tb(tb, limit=None):
    frames = list(walk_tb(tb))
    texts = _frame_texts(tb)
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is not None:
        frames = frames[:limit] if limit >= 0 else frames[limit:]
        texts = texts[:limit] if limit >= 0 else texts[limit:]
    result = StackSummary.extract(iter(frames))
    for summary, text in zip(result, texts):
        summary._text = text
    return result


def extract_stack(f=None, limit=None):
    start = sys._getframe().f_back if f is None else f
    summary = StackSummary.extract(walk_stack(start), limit=limit)
    summary.reverse()
    return summary


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)
