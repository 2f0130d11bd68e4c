"""traceback for rcpy: formatting and printing exceptions the way the
interpreter prints an uncaught one.

Every text here comes from one place, sys.__excepthook__, which prints an
exception with its traceback, carets and chained causes exactly as
CPython 3.11 does. To get that text as a string, the hook is run with
sys.stderr pointing at a collector for the duration of the call (the hook
writes through sys.stderr's write method, as CPython's does), so the
collected text and what an uncaught exception shows can never disagree.

Supported: format_exception, format_exception_only, format_exc,
print_exception, print_exc, and their chain= argument. The limit=
arguments are accepted but not applied; stack extraction (extract_tb,
walk_stack, StackSummary, TracebackException) is not provided.
"""

import sys

__all__ = ["format_exception", "format_exception_only", "format_exc",
           "print_exception", "print_exc"]

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
