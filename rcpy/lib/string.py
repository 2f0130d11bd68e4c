"""string for rcpy: the character-class constants, capwords and
Template ($-substitution, with subclasses choosing the delimiter, the
identifier pattern or the whole pattern, as in CPython 3.11). Formatter is
not provided."""

import re as _re
from collections import ChainMap as _ChainMap

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Splits s, capitalises each word and joins them again."""
    return (sep or " ").join(word.capitalize() for word in s.split(sep))


# ===================================================================== #
# Template                                                               #
# ===================================================================== #

_sentinel_dict = {}


class Template:
    """A string with $-placeholders: $name, ${name}, and $$ for a dollar."""

    __module__ = "string"
    delimiter = "$"
    # (?a:...) so that IGNORECASE does not let non-ASCII letters in
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    flags = _re.IGNORECASE
    braceidpattern = None

    def __init_subclass__(cls):
        super().__init_subclass__()
        source = cls.__dict__.get("pattern", _sentinel_dict)
        if source is _sentinel_dict:
            esc = _re.escape(cls.delimiter)
            plain = cls.idpattern
            braced = cls.braceidpattern or plain
            source = (r"%s(?:(?P<escaped>%s)|(?P<named>%s)|"
                      r"{(?P<braced>%s)}|(?P<invalid>))"
                      % (esc, esc, plain, braced))
        else:
            source = cls.pattern
        cls.pattern = _re.compile(source, cls.flags | _re.VERBOSE)

    def __init__(self, template):
        self.template = template

    def _classify(self, mo):
        # ("name", identifier), ("escaped", None) or ("invalid", None)
        ident = mo.group("named") or mo.group("braced")
        if ident is not None:
            return "name", ident
        for kind in ("escaped", "invalid"):
            if mo.group(kind) is not None:
                return kind, None
        raise ValueError("Unrecognized named group in pattern",
                         self.pattern)

    def _invalid(self, mo):
        pos = mo.start("invalid")
        before = self.template[:pos].splitlines(keepends=True)
        row = len(before) or 1
        col = pos - len("".join(before[:-1])) if before else 1
        raise ValueError("Invalid placeholder in string: line %d, col %d" %
                         (row, col))

    def _mapping(self, mapping, kws):
        if mapping is _sentinel_dict:
            return kws
        return _ChainMap(kws, mapping) if kws else mapping

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        values = self._mapping(mapping, kws)

        def replace(mo):
            kind, ident = self._classify(mo)
            if kind == "escaped":
                return self.delimiter
            if kind == "invalid":
                self._invalid(mo)
            return str(values[ident])
        return self.pattern.sub(replace, self.template)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        values = self._mapping(mapping, kws)

        def replace(mo):
            kind, ident = self._classify(mo)
            if kind == "escaped":
                return self.delimiter
            if kind == "invalid":
                return mo.group()
            try:
                text = str(values[ident])
            except KeyError:
                text = mo.group()
            return text
        return self.pattern.sub(replace, self.template)

    def is_valid(self):
        for mo in self.pattern.finditer(self.template):
            if mo.group("invalid") is not None:
                return False
            groups = (mo.group("named"), mo.group("braced"),
                      mo.group("escaped"))
            if groups == (None, None, None):
                raise ValueError("Unrecognized named group in pattern",
                                 self.pattern)
        return True

    def get_identifiers(self):
        seen = []
        for mo in self.pattern.finditer(self.template):
            kind, ident = self._classify(mo)
            if kind == "name" and ident not in seen:
                seen.append(ident)
        return seen


Template.__init_subclass__()
