"""warnings for rcpy: warn(), the filter list and catch_warnings, with
CPython 3.11's defaults, actions and output format.

A warning is matched against `filters` (newest first); the first filter
whose message regex, category, module regex and line number fit decides
the action: "error" raises it, "ignore" drops it, "always" shows it,
"default" shows it once per location, "module" once per module, "once"
once per text. Locations already shown are remembered in the caller's
module globals (`__warningregistry__`), which are forgotten whenever the
filters change (a version number kept in each registry), as CPython does.
Warnings are shown through `showwarning` (a module attribute programs
replace), which writes `formatwarning`'s text to sys.stderr.
"""

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning",
           "filterwarnings", "simplefilter", "resetwarnings",
           "catch_warnings"]


def _default_filters():
    """CPython's default filters (those of its categories rcpy has)."""
    import builtins
    result = [("default", None, DeprecationWarning, "__main__", 0)]
    for name in ("DeprecationWarning", "PendingDeprecationWarning",
                 "ImportWarning", "ResourceWarning"):
        category = getattr(builtins, name, None)
        if category is not None:
            result.append(("ignore", None, category, None, 0))
    return result


filters = _default_filters()
defaultaction = "default"
onceregistry = {}
_filters_version = [1]
_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


def _filters_mutated():
    _filters_version[0] += 1


# ===================================================================== #
# Showing                                                                #
# ===================================================================== #

def _source_line(filename, lineno):
    try:
        with open(filename) as f:
            for i, line in enumerate(f, 1):
                if i == lineno:
                    return line
    except (OSError, UnicodeError, ValueError):
        return None
    return None


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning writes: location, category, message, line."""
    s = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        line = _source_line(filename, lineno)
    if line:
        s += "  %s\n" % line.strip()
    return s


def _showwarnmsg_impl(msg):
    dest = sys.stderr if msg.file is None else msg.file
    if dest is None:
        return
    text = formatwarning(msg.message, msg.category, msg.filename,
                         msg.lineno, msg.line)
    try:
        dest.write(text)
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Writes a warning to a file (sys.stderr by default)."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno,
                                     file, line))


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    sw = globals()["showwarning"]
    if sw is not _showwarning_orig:
        if not callable(sw):
            raise TypeError("warnings.showwarning() must be set to a "
                            "function or method")
        sw(msg.message, msg.category, msg.filename, msg.lineno, msg.file,
           msg.line)
        return
    _showwarnmsg_impl(msg)


class WarningMessage:
    _WARNING_DETAILS = ("message", "category", "filename", "lineno",
                        "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        given = (message, category, filename, lineno, file, line, source)
        for attr, value in zip(self._WARNING_DETAILS, given):
            setattr(self, attr, value)
        self._category_name = None
        if category:
            self._category_name = category.__name__

    def __str__(self):
        shown = (self.message, self._category_name, self.filename,
                 self.lineno, self.line)
        return ("{message : %r, category : %r, filename : %r, "
                "lineno : %s, line : %r}" % shown)


# ===================================================================== #
# Filters                                                                #
# ===================================================================== #

def _add_filter(item, append):
    if append:
        if item not in filters:
            filters.append(item)
    else:
        if item in filters:
            filters.remove(item)
        filters.insert(0, item)
    _filters_mutated()


def filterwarnings(action, message="", category=Warning, module="",
                   lineno=0, append=False):
    """Inserts an entry into the list of warnings filters (at the front)."""
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise AssertionError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    if message or module:
        import re
    msg_re = re.compile(message, re.I) if message else None
    mod_re = re.compile(module) if module else None
    _add_filter((action, msg_re, category, mod_re, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Inserts a filter that matches every message and module."""
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter((action, None, category, None, lineno), append)


def resetwarnings():
    """Clears the list of warning filters."""
    filters[:] = []
    _filters_mutated()


def _matches(regex, text):
    if regex is None:
        return True
    if isinstance(regex, str):
        return regex == text
    return regex.match(text) is not None


def _action_for(text, category, module, lineno):
    for action, msg, cat, mod, ln in filters:
        if (_matches(msg, text) and issubclass(category, cat)
                and _matches(mod, module) and (ln == 0 or lineno == ln)):
            return action
    return defaultaction


# ===================================================================== #
# Issuing                                                                #
# ===================================================================== #

def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    lineno = int(lineno)
    if module is None:
        where = filename or "<unknown>"
        module = where[:-3] if where[-3:].lower() == ".py" else where
    if registry is None:
        registry = {}
    current = _filters_version[0]
    if registry.get("version", 0) != current:
        registry.clear()
        registry["version"] = current
    if isinstance(message, Warning):
        text, category = str(message), message.__class__
    else:
        text, message = message, category(message)
    seen_key = (text, category, lineno)
    if registry.get(seen_key):
        return
    action = _action_for(text, category, module, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action in ("default", "once", "module"):
        registry[seen_key] = 1
        if action == "once":
            book, mark = onceregistry, (text, category)
        elif action == "module":
            book, mark = registry, (text, category, 0)
        else:
            book = None
        if book is not None:
            if book.get(mark):
                return
            book[mark] = 1
    elif action != "always":
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n"
                           " %s" % (action, action))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, None,
                                None, source))


def warn(message, category=None, stacklevel=1, source=None):
    """Issues a warning, or maybe ignores it or raises an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % type(category).__name__)
    try:
        frame = sys._getframe(stacklevel)
    except ValueError:
        globals_ = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        globals_ = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    module = globals_.get("__name__", "<string>")
    registry = globals_.setdefault("__warningregistry__", {})
    warn_explicit(message, category, filename, lineno, module, registry,
                  globals_, source)


class catch_warnings:
    """Saves the filters and showwarning on entry and restores them on
    exit; with record=True, warnings are appended to the list returned by
    __enter__ instead of being shown."""

    def __init__(self, *, record=False, module=None, action=None,
                 category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules["warnings"] if module is None else module
        self._entered = False
        self._filter = (None if action is None
                        else (action, category, lineno, append))

    def __repr__(self):
        shown = ["record=True"] if self._record else []
        if self._module is not sys.modules["warnings"]:
            shown.append("module=%r" % self._module)
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        mod = self._module
        self._entered = True
        self._filters, self._showwarning = mod.filters, mod.showwarning
        mod.filters = list(self._filters)
        mod._filters_mutated()
        if self._filter is not None:
            simplefilter(*self._filter)
        if not self._record:
            return None
        log = []
        mod.showwarning = _recorder(log)
        return log

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        mod = self._module
        mod.filters, mod.showwarning = self._filters, self._showwarning
        mod._filters_mutated()


def _recorder(log):
    def showwarning(message, category, filename, lineno, file=None,
                    line=None):
        log.append(WarningMessage(message, category, filename, lineno, file,
                                  line))
    return showwarning
