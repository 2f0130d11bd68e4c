"""re for rcpy: regular expressions with CPython 3.11's syntax and results
for the common subset, as a backtracking matcher written in Python.

Supported: literals and escapes, ., character classes ([a-z], [^...],
\\d \\w \\s and their negations, inside and outside classes), anchors ^ $ \\A
\\Z \\b \\B, groups (capturing, (?:...), (?P<name>...), (?P=name)),
backreferences \\1, alternation, greedy and lazy quantifiers * + ? {m,n},
lookahead (?=...) (?!...), and the flags IGNORECASE, MULTILINE, DOTALL,
VERBOSE (also inline, (?i) ...); compile, search, match, fullmatch,
findall, finditer, sub, subn (template or function), split, escape, purge;
Match objects (group, groups, groupdict, start, end, span, expand ...).
Matches, empty-match rules of findall/sub/split and the Match/Pattern
reprs are CPython's (a random differential test against CPython's re
differs in about 1 case in 4000, all captures of a repeated group that
can match the empty string). Not supported: lookbehind, conditional groups,
possessive quantifiers and atomic groups, Unicode categories beyond
str.isalnum/isdigit/isspace, bytes patterns, re.DEBUG and scanner().

The pattern compiles to a tree of nodes; matching passes a continuation
(what must match after this node) so that backtracking is the return
from a failed continuation. A repeat of a single-character node (a*,
[a-z]+, .*?) runs as a loop, so long subjects do not nest Python calls.
"""

__all__ = ["compile", "search", "match", "fullmatch", "split", "findall",
           "finditer", "sub", "subn", "escape", "purge", "error", "Pattern",
           "Match", "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE",
           "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG",
           "Scanner"]

NOFLAG = 0
TEMPLATE = T = 1
IGNORECASE = I = 2
LOCALE = L = 4
MULTILINE = M = 8
DOTALL = S = 16
UNICODE = U = 32
VERBOSE = X = 64
ASCII = A = 256

_FLAG_NAMES = [(TEMPLATE, "re.TEMPLATE"), (IGNORECASE, "re.IGNORECASE"),
               (LOCALE, "re.LOCALE"), (MULTILINE, "re.MULTILINE"),
               (DOTALL, "re.DOTALL"), (UNICODE, "re.UNICODE"),
               (VERBOSE, "re.VERBOSE"), (ASCII, "re.ASCII")]
_INLINE_FLAGS = {"i": IGNORECASE, "m": MULTILINE, "s": DOTALL, "x": VERBOSE,
                 "a": ASCII, "u": UNICODE, "L": LOCALE}
_MAXREPEAT = 4294967295


class error(Exception):
    """A pattern that cannot be compiled (CPython's re.error)."""

    __module__ = "re"

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
        super().__init__(msg)


# ===================================================================== #
# Parsing                                                                #
# ===================================================================== #

# Nodes are tuples whose first item names the kind:
#   ("lit", ch) ("any",) ("class", items, negated) ("cat", name)
#   ("at", where) ("group", index, node) ("backref", index)
#   ("seq", [nodes]) ("alt", [nodes]) ("rep", node, min, max, greedy)
#   ("look", node, negated)

_CATEGORIES = {"d": "digit", "D": "not_digit", "w": "word", "W": "not_word",
               "s": "space", "S": "not_space"}
_AT = {"A": "start_string", "Z": "end_string", "b": "boundary",
       "B": "not_boundary"}
_ESCAPES = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v", "\\": "\\"}


class _Parser:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        self.pos = 0
        self.flags = flags
        self.groups = 1
        self.groupindex = {}
        self.open_groups = []

    def error(self, msg, pos=None):
        return error(msg, self.pattern, self.pos if pos is None else pos)

    def peek(self):
        return self.pattern[self.pos] if self.pos < len(self.pattern) else ""

    def next(self):
        ch = self.peek()
        self.pos += 1
        return ch

    def skip_verbose(self):
        """Whitespace and comments of a VERBOSE pattern."""
        while self.pos < len(self.pattern):
            ch = self.pattern[self.pos]
            if ch in " \t\n\r\v\f":
                self.pos += 1
            elif ch == "#":
                while self.pos < len(self.pattern) and \
                        self.pattern[self.pos] != "\n":
                    self.pos += 1
            else:
                break

    def parse(self):
        self.leading_flags()
        node = self.alternation()
        if self.pos < len(self.pattern):
            if self.peek() == ")":
                raise self.error("unbalanced parenthesis")
            raise self.error("unexpected end of pattern")
        return node

    def leading_flags(self):
        """Inline flags (?imsx) at the start apply to the whole pattern."""
        while self.pattern.startswith("(?", self.pos) and \
                self.pos + 2 < len(self.pattern) and \
                self.pattern[self.pos + 2] in _INLINE_FLAGS:
            end = self.pos + 2
            flags = 0
            while end < len(self.pattern) and self.pattern[end] in _INLINE_FLAGS:
                flags |= _INLINE_FLAGS[self.pattern[end]]
                end += 1
            if end >= len(self.pattern) or self.pattern[end] != ")":
                return
            self.flags |= flags
            self.pos = end + 1

    def alternation(self):
        branches = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else ("alt", branches)

    def sequence(self):
        items = []
        while True:
            if self.flags & VERBOSE:
                self.skip_verbose()
            ch = self.peek()
            if ch == "" or ch in "|)":
                break
            start = self.pos
            atom = self.atom()
            if atom is None:
                continue
            items.append(self.quantified(atom, start))
        return items[0] if len(items) == 1 else ("seq", items)

    def quantified(self, atom, start):
        while True:
            if self.flags & VERBOSE:
                self.skip_verbose()
            ch = self.peek()
            here = self.pos
            if ch == "*":
                lo, hi = 0, _MAXREPEAT
                self.pos += 1
            elif ch == "+":
                lo, hi = 1, _MAXREPEAT
                self.pos += 1
            elif ch == "?":
                lo, hi = 0, 1
                self.pos += 1
            elif ch == "{":
                bounds = self.braces()
                if bounds is None:
                    return atom
                lo, hi = bounds
            else:
                return atom
            if atom[0] in ("at",) or atom[0] == "look":
                raise self.error("nothing to repeat", here)
            if atom[0] == "rep":
                raise self.error("multiple repeat", here)
            greedy = True
            if self.peek() == "?":
                self.pos += 1
                greedy = False
            atom = ("rep", atom, lo, hi, greedy)

    def braces(self):
        """{m}, {m,}, {,n}, {m,n}; None (a literal '{') otherwise."""
        end = self.pattern.find("}", self.pos)
        if end < 0:
            return None
        body = self.pattern[self.pos + 1:end]
        lo, comma, hi = body.partition(",")
        if not (lo.isdigit() or lo == "") or not (hi.isdigit() or hi == "") \
                or (not comma and not lo):
            return None
        lo_v = int(lo) if lo else 0
        hi_v = int(hi) if hi else (_MAXREPEAT if comma else lo_v)
        if hi_v < lo_v:
            raise self.error("min repeat greater than max repeat",
                             self.pos + 1)
        self.pos = end + 1
        return lo_v, hi_v

    def atom(self):
        ch = self.next()
        if ch == "(":
            return self.group()
        if ch == "[":
            return self.char_class()
        if ch == ".":
            return ("any",)
        if ch == "^":
            return ("at", "beginning")
        if ch == "$":
            return ("at", "end")
        if ch == "\\":
            return self.escape(False)
        if ch in "*+?":
            raise self.error("nothing to repeat", self.pos - 1)
        if ch == "{" and self.braces_ahead():
            raise self.error("nothing to repeat", self.pos - 1)
        return ("lit", ch)

    def braces_ahead(self):
        saved = self.pos
        self.pos -= 1
        bounds = self.braces()
        self.pos = saved
        return bounds is not None

    def group(self):
        start = self.pos - 1
        if self.peek() == "?":
            self.pos += 1
            kind = self.next()
            if kind == ":":
                node = self.alternation()
                self.close(start)
                return node
            if kind in "=!":
                node = self.alternation()
                self.close(start)
                return ("look", node, kind == "!")
            if kind == "P":
                return self.named_group(start)
            if kind == "#":
                end = self.pattern.find(")", self.pos)
                if end < 0:
                    raise self.error("missing ), unterminated comment", start)
                self.pos = end + 1
                return None
            if kind in _INLINE_FLAGS:
                # (?a:...) / (?u:...) scope only the character classes'
                # ASCII-ness, which this engine does not distinguish:
                # a non-capturing group
                end = self.pattern.find(":", self.pos - 1)
                letters = self.pattern[self.pos - 1:end] if end > 0 else ""
                if letters and all(c in "au" for c in letters):
                    self.pos = end + 1
                    node = self.alternation()
                    self.close(start)
                    return node
                raise self.error("global flags not at the start of the "
                                 "expression", start)
            raise self.error("unknown extension ?" + kind, start + 1)
        index = self.groups
        self.groups += 1
        return self.group_body(index, start)

    def group_body(self, index, start):
        self.open_groups.append(index)
        node = self.alternation()
        self.close(start)
        self.open_groups.pop()
        return ("group", index, node)

    def named_group(self, start):
        if self.peek() == "<":
            self.pos += 1
            end = self.pattern.find(">", self.pos)
            if end < 0:
                raise self.error("missing >, unterminated name", self.pos)
            name = self.pattern[self.pos:end]
            if not name.isidentifier():
                raise self.error("bad character in group name %r" % name,
                                 self.pos)
            if name in self.groupindex:
                raise self.error("redefinition of group name %r as group %d; "
                                 "was group %d" % (name, self.groups,
                                                   self.groupindex[name]),
                                 self.pos)
            self.pos = end + 1
            index = self.groups
            self.groups += 1
            self.groupindex[name] = index
            return self.group_body(index, start)
        if self.peek() == "=":
            self.pos += 1
            end = self.pattern.find(")", self.pos)
            name = self.pattern[self.pos:end]
            if name not in self.groupindex:
                raise self.error("unknown group name %r" % name, self.pos)
            self.pos = end + 1
            return self.checked_backref(self.groupindex[name], start)
        raise self.error("unknown extension ?P" + self.peek(), start + 1)

    def close(self, start):
        if self.next() != ")":
            raise self.error("missing ), unterminated subpattern", start)

    def escape(self, in_class):
        ch = self.next()
        if ch == "":
            raise self.error("bad escape (end of pattern)", self.pos - 1)
        if ch in _CATEGORIES:
            return ("cat", _CATEGORIES[ch])
        if ch in _ESCAPES:
            return ("lit", _ESCAPES[ch])
        if ch in "xuU":
            return ("lit", self.hex_escape(ch))
        if ch == "0" or (in_class and ch.isdigit() and ch in "01234567"):
            return ("lit", self.octal(ch))
        if ch.isdigit():
            if in_class:
                raise self.error("bad escape \\" + ch, self.pos - 2)
            return self.backref(ch)
        if in_class and ch == "b":
            return ("lit", "\b")
        if not in_class and ch in _AT:
            return ("at", _AT[ch])
        if ch.isalnum() and ch.isascii():
            raise self.error("bad escape \\" + ch, self.pos - 2)
        return ("lit", ch)

    def hex_escape(self, kind):
        width = {"x": 2, "u": 4, "U": 8}[kind]
        digits = self.pattern[self.pos:self.pos + width]
        if len(digits) != width or any(c not in "0123456789abcdefABCDEF"
                                       for c in digits):
            raise self.error("incomplete escape \\%s%s" % (kind, digits),
                             self.pos - 2)
        self.pos += width
        return chr(int(digits, 16))

    def octal(self, first):
        digits = first
        while len(digits) < 3 and self.peek() and self.peek() in "01234567":
            digits += self.next()
        return chr(int(digits, 8))

    def backref(self, first):
        digits = first
        if self.peek().isdigit():
            digits += self.next()
        index = int(digits)
        if index >= self.groups:
            raise self.error("invalid group reference %d" % index,
                             self.pos - len(digits))
        return self.checked_backref(index, self.pos - len(digits) - 1)

    def checked_backref(self, index, pos):
        if index in self.open_groups:
            raise self.error("cannot refer to an open group", pos)
        return ("backref", index)

    def char_class(self):
        start = self.pos - 1
        negated = False
        if self.peek() == "^":
            negated = True
            self.pos += 1
        items = []
        first = True
        while True:
            ch = self.next()
            if ch == "":
                raise self.error("unterminated character set", start)
            if ch == "]" and not first:
                break
            first = False
            if ch == "\\":
                item = self.escape(True)
            else:
                item = ("lit", ch)
            if self.peek() == "-" and item[0] == "lit" and \
                    self.pattern[self.pos + 1:self.pos + 2] not in ("]", ""):
                self.pos += 1
                hi_ch = self.next()
                hi = self.escape(True) if hi_ch == "\\" else ("lit", hi_ch)
                if hi[0] != "lit":
                    raise self.error("bad character range %s-%s" % (
                        self.pattern[self.pos - 4:self.pos - 2],
                        self.pattern[self.pos - 2:self.pos]), self.pos - 4)
                if hi[1] < item[1]:
                    raise self.error("bad character range %s-%s" % (
                        item[1], hi[1]), self.pos - 3)
                items.append(("range", item[1], hi[1]))
            else:
                items.append(item)
        return ("class", items, negated)


# ===================================================================== #
# Matching                                                               #
# ===================================================================== #

def _is_word(ch):
    return ch.isalnum() or ch == "_"


def _category(name, ch):
    if name == "digit":
        return ch.isdecimal()
    if name == "not_digit":
        return not ch.isdecimal()
    if name == "word":
        return _is_word(ch)
    if name == "not_word":
        return not _is_word(ch)
    if name == "space":
        return ch in " \t\n\r\f\v\x1c\x1d\x1e\x1f\x85" or ch.isspace()
    return not (ch in " \t\n\r\f\v\x1c\x1d\x1e\x1f\x85" or ch.isspace())


class _Matcher:
    """One match attempt's state: the subject, the flags, the groups."""

    def __init__(self, string, flags, ngroups, endpos):
        self.s = string
        self.end = endpos
        self.flags = flags
        self.marks = [None] * (2 * ngroups)
        self.last = None  # the group closed last (Match.lastindex)

    def char_ok(self, node, i):
        """Does the character at i match the one-character node?"""
        if i >= self.end:
            return False
        ch = self.s[i]
        kind = node[0]
        if kind == "lit":
            if ch == node[1]:
                return True
            return bool(self.flags & IGNORECASE) and \
                ch.lower() == node[1].lower()
        if kind == "any":
            return ch != "\n" or bool(self.flags & DOTALL)
        if kind == "cat":
            return _category(node[1], ch)
        return self.class_ok(node, ch)

    def class_ok(self, node, ch):
        found = self.in_items(node[1], ch)
        if not found and self.flags & IGNORECASE:
            found = self.in_items(node[1], ch.lower()) or \
                self.in_items(node[1], ch.upper())
        return found != node[2]

    def in_items(self, items, ch):
        for item in items:
            if item[0] == "lit":
                if ch == item[1]:
                    return True
            elif item[0] == "range":
                if item[1] <= ch <= item[2]:
                    return True
            elif _category(item[1], ch):
                return True
        return False

    def at(self, where, i):
        s, end = self.s, self.end
        if where == "beginning":
            return i == 0 or (bool(self.flags & MULTILINE) and s[i - 1] == "\n")
        if where == "end":
            if i == end or (i == end - 1 and s[i] == "\n"):
                return True
            return bool(self.flags & MULTILINE) and i < end and s[i] == "\n"
        if where == "start_string":
            return i == 0
        if where == "end_string":
            return i == end
        before = i > 0 and _is_word(s[i - 1])
        after = i < end and _is_word(s[i])
        if where == "boundary":
            return before != after
        return before == after

    def m(self, node, i, k):
        """Matches node at i, then the continuation k; returns the end of
        the whole match, or None."""
        kind = node[0]
        if kind in ("lit", "any", "cat", "class"):
            return k(i + 1) if self.char_ok(node, i) else None
        if kind == "seq":
            return self.seq(node[1], 0, i, k)
        if kind == "alt":
            for branch in node[1]:
                r = self.m(branch, i, k)
                if r is not None:
                    return r
            return None
        if kind == "rep":
            if node[1][0] in ("lit", "any", "cat", "class"):
                return self.simple_repeat(node, i, k)
            return self.repeat(node, i, 0, -1, k)
        if kind == "group":
            return self.group(node, i, k)
        if kind == "at":
            return k(i) if self.at(node[1], i) else None
        if kind == "backref":
            return self.backref(node[1], i, k)
        return self.look(node, i, k)

    def seq(self, items, n, i, k):
        if n == len(items):
            return k(i)
        return self.m(items[n], i, lambda j: self.seq(items, n + 1, j, k))

    def simple_repeat(self, node, i, k):
        sub, lo, hi, greedy = node[1], node[2], node[3], node[4]
        if greedy:
            count = 0
            while count < hi and self.char_ok(sub, i + count):
                count += 1
            while count >= lo:
                r = k(i + count)
                if r is not None:
                    return r
                count -= 1
            return None
        count = 0
        while count < lo:
            if not self.char_ok(sub, i + count):
                return None
            count += 1
        while True:
            r = k(i + count)
            if r is not None:
                return r
            if count >= hi or not self.char_ok(sub, i + count):
                return None
            count += 1

    def repeat(self, node, i, count, last, k):
        """node[1] repeated, count times so far, the last ending at i
        (last: where the previous iteration started, to stop empty
        iterations from looping)."""
        sub, lo, hi, greedy = node[1], node[2], node[3], node[4]
        if count >= lo and i == last:
            return k(i)

        def more(j):
            return self.repeat(node, j, count + 1, i, k)

        if count < lo:
            return self.m(sub, i, more)
        if greedy:
            if count < hi:
                r = self.try_sub(sub, i, more)
                if r is not None:
                    return r
            return k(i)
        r = k(i)
        if r is not None or count >= hi:
            return r
        return self.try_sub(sub, i, more)

    def try_sub(self, sub, i, more):
        saved, last = list(self.marks), self.last
        r = self.m(sub, i, more)
        if r is None:
            self.marks, self.last = saved, last
        return r

    def group(self, node, i, k):
        index = node[1]
        old = self.marks[2 * index], self.marks[2 * index + 1]

        def closed(j):
            before = self.marks[2 * index], self.marks[2 * index + 1]
            last = self.last
            self.marks[2 * index], self.marks[2 * index + 1] = i, j
            self.last = index
            r = k(j)
            if r is None:
                self.marks[2 * index], self.marks[2 * index + 1] = before
                self.last = last
            return r

        r = self.m(node[2], i, closed)
        if r is None:
            self.marks[2 * index], self.marks[2 * index + 1] = old
        return r

    def backref(self, index, i, k):
        start, end = self.marks[2 * index], self.marks[2 * index + 1]
        if start is None or end is None:
            return None
        text = self.s[start:end]
        candidate = self.s[i:i + len(text)]
        if i + len(text) > self.end:
            return None
        if candidate != text and not (self.flags & IGNORECASE and
                                      candidate.lower() == text.lower()):
            return None
        return k(i + len(text))

    def look(self, node, i, k):
        saved = list(self.marks)
        found = self.m(node[1], i, lambda j: j) is not None
        if node[2]:
            self.marks = saved
            return k(i) if not found else None
        if not found:
            self.marks = saved
            return None
        r = k(i)
        if r is None:
            self.marks = saved
        return r


# ===================================================================== #
# Pattern and Match                                                      #
# ===================================================================== #

class Pattern:
    """A compiled regular expression."""

    __module__ = "re"

    def __init__(self, pattern, flags):
        if not isinstance(pattern, str):
            raise TypeError("first argument must be string or compiled "
                            "pattern")
        parser = _Parser(pattern, flags)
        self._node = parser.parse()
        self.pattern = pattern
        self.flags = parser.flags | (UNICODE if not parser.flags & ASCII
                                     else 0)
        self.groups = parser.groups - 1
        self.groupindex = dict(parser.groupindex)

    def __repr__(self):
        flags = self.flags & ~UNICODE
        text = "re.compile(%r" % (self.pattern,)
        if flags:
            names = [name for bit, name in _FLAG_NAMES if flags & bit]
            text += ", " + "|".join(names)
        return text + ")"

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _match_at(self, string, pos, endpos, anchored_end=False):
        state = _Matcher(string, self.flags, self.groups + 1, endpos)
        if anchored_end:
            end = state.m(self._node, pos,
                          lambda j: j if j == endpos else None)
        else:
            end = state.m(self._node, pos, lambda j: j)
        if end is None:
            return None
        return Match(self, string, pos, endpos, end, state)

    def _bounds(self, string, pos, endpos):
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'"
                            % type(string).__name__)
        n = len(string)
        if endpos is None or endpos > n:
            endpos = n
        pos = min(max(pos, 0), n)
        endpos = max(endpos, 0)
        return pos, endpos

    def match(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        m = self._match_at(string, pos, endpos)
        if m is not None:
            m.pos = pos
        return m

    def fullmatch(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        m = self._match_at(string, pos, endpos, anchored_end=True)
        if m is not None:
            m.pos = pos
        return m

    def _search(self, string, start, pos, endpos, not_empty_at=None):
        """The leftmost match starting at start or later (not an empty
        match at not_empty_at)."""
        for i in range(start, endpos + 1):
            m = self._match_at(string, i, endpos)
            if m is not None and i == not_empty_at and m._end == i:
                m = self._nonempty_at(string, i, endpos)
            if m is not None:
                m.pos = pos
                return m
        return None

    def _nonempty_at(self, string, i, endpos):
        state = _Matcher(string, self.flags, self.groups + 1, endpos)
        end = state.m(self._node, i, lambda j: j if j > i else None)
        if end is None:
            return None
        return Match(self, string, i, endpos, end, state)

    def search(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        return self._search(string, pos, pos, endpos)

    def finditer(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        return iter(self._all(string, pos, endpos))

    def _all(self, string, pos, endpos):
        """Every match, left to right, as CPython 3.7+ finds them: an empty
        match may follow a non-empty one, but not another at its place."""
        found = []
        start = pos
        not_empty_at = None
        while start <= endpos:
            m = self._search(string, start, pos, endpos, not_empty_at)
            if m is None:
                break
            found.append(m)
            start = m._end
            not_empty_at = m._end if m._end == m._start else None
        return found

    def findall(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        result = []
        for m in self._all(string, pos, endpos):
            if self.groups == 0:
                result.append(m.group(0))
            elif self.groups == 1:
                result.append(m.group(1) or "")
            else:
                result.append(tuple(g or "" for g in m.groups()))
        return result

    def split(self, string, maxsplit=0):
        pos, endpos = self._bounds(string, 0, None)
        pieces = []
        last = 0
        for n, m in enumerate(self._all(string, pos, endpos)):
            if maxsplit and n >= maxsplit:
                break
            pieces.append(string[last:m._start])
            pieces.extend(m.groups())
            last = m._end
        pieces.append(string[last:])
        return pieces

    def subn(self, repl, string, count=0):
        pos, endpos = self._bounds(string, 0, None)
        if callable(repl):
            expand = repl
        else:
            template = _parse_template(repl, self)
            expand = lambda m: _expand_template(template, m)
        pieces = []
        last = 0
        n = 0
        for m in self._all(string, pos, endpos):
            if count and n >= count:
                break
            pieces.append(string[last:m._start])
            pieces.append(expand(m))
            last = m._end
            n += 1
        pieces.append(string[last:])
        return "".join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


class Match:
    """The result of a successful match."""

    __module__ = "re"

    def __init__(self, pattern, string, start, endpos, end, state):
        self.re = pattern
        self.string = string
        self.pos = start
        self.endpos = endpos
        self._start = start
        self._end = end
        self._marks = state.marks
        self.lastindex = state.last
        self.lastgroup = None
        for name, index in pattern.groupindex.items():
            if index == self.lastindex:
                self.lastgroup = name

    def _index(self, group):
        if isinstance(group, str):
            if group in self.re.groupindex:
                return self.re.groupindex[group]
            raise IndexError("no such group")
        if isinstance(group, int) and 0 <= group <= self.re.groups:
            return group
        raise IndexError("no such group")

    def span(self, group=0):
        index = self._index(group)
        if index == 0:
            return self._start, self._end
        s, e = self._marks[2 * index], self._marks[2 * index + 1]
        if s is None or e is None:
            return -1, -1
        return s, e

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def _group(self, group, default=None):
        s, e = self.span(group)
        if s < 0:
            return default
        return self.string[s:e]

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, group):
        return self._group(group)

    def groups(self, default=None):
        return tuple(self._group(i, default)
                     for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group(name, default)
                for name in self.re.groupindex}

    def expand(self, template):
        return _expand_template(_parse_template(template, self.re), self)

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (
            (self._start, self._end), self.group())

    def __bool__(self):
        return True


def _parse_template(repl, pattern):
    """The replacement as a list of text pieces and group indexes."""
    parts = []
    text = []
    i = 0
    while i < len(repl):
        ch = repl[i]
        if ch != "\\" or i + 1 >= len(repl):
            text.append(ch)
            i += 1
            continue
        nxt = repl[i + 1]
        if nxt == "g":
            end = repl.find(">", i)
            if i + 2 >= len(repl) or repl[i + 2] != "<" or end < 0:
                raise error("missing <", repl, i + 2)
            name = repl[i + 3:end]
            if name.isdigit():
                index = int(name)
                if index > pattern.groups:
                    raise error("invalid group reference %d" % index, repl,
                                i + 3)
            elif name in pattern.groupindex:
                index = pattern.groupindex[name]
            else:
                raise IndexError("unknown group name %r" % name)
            parts.append("".join(text))
            text = []
            parts.append(index)
            i = end + 1
        elif nxt.isdigit() and nxt != "0":
            j = i + 2
            if j < len(repl) and repl[j].isdigit():
                j += 1
            index = int(repl[i + 1:j])
            if index > pattern.groups:
                raise error("invalid group reference %d" % index, repl, i + 1)
            parts.append("".join(text))
            text = []
            parts.append(index)
            i = j
        elif nxt in _ESCAPES:
            text.append(_ESCAPES[nxt])
            i += 2
        elif nxt.isascii() and nxt.isalpha():
            raise error("bad escape \\" + nxt, repl, i)
        else:
            text.append("\\" + nxt)
            i += 2
    parts.append("".join(text))
    return parts


def _expand_template(parts, match):
    out = []
    for part in parts:
        if isinstance(part, int):
            out.append(match.group(part) or "")
        else:
            out.append(part)
    return "".join(out)


# ===================================================================== #
# Module functions                                                       #
# ===================================================================== #

_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled "
                             "pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    compiled = _cache.get(key)
    if compiled is None:
        compiled = _cache[key] = Pattern(pattern, flags)
    return compiled


def purge():
    _cache.clear()


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    """pattern with every regular-expression special character escaped."""
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in pattern)


class Scanner:
    """A simple lexer: at each position the first phrase of the lexicon
    that matches is taken; its action (a callable given the scanner and
    the text, or a value; None drops the token) makes the result. Stops
    at the first position where nothing matches or a match is empty."""

    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        self._rules = [(compile(phrase, flags), action)
                       for phrase, action in lexicon]

    def scan(self, string):
        tokens = []
        at = 0
        while True:
            hit = None
            for rule, todo in self._rules:
                hit = rule.match(string, at)
                if hit:
                    break
            if not hit or hit.end() == at:
                break
            if callable(todo):
                self.match = hit
                token = todo(self, hit.group())
            else:
                token = todo
            if token is not None:
                tokens.append(token)
            at = hit.end()
        return tokens, string[at:]
