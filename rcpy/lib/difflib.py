"""difflib for rcpy: the part of CPython's difflib that unittest's failure
messages use -- SequenceMatcher and ndiff (Differ with intraline '?'
guide lines).

The results are CPython 3.11's, element for element: matching blocks are
found by the same longest-match search with the same junk and "popular
element" rules (autojunk), and Differ pairs similar lines the same way
(best ratio above 0.75, identical lines preferred as synchronisation
points). Written for rcpy's language subset: no generators in the public
results beyond what CPython's own API returns as iterators.
"""

__all__ = ["SequenceMatcher", "Differ", "ndiff", "IS_CHARACTER_JUNK",
           "IS_LINE_JUNK"]


def IS_LINE_JUNK(line, pat=None):
    """True for blank lines and lines holding only '#' and whitespace."""
    stripped = line.strip()
    return stripped == "" or stripped == "#"


def IS_CHARACTER_JUNK(ch, ws=" \t"):
    """True for a space or a tab."""
    return ch in ws


def _ratio(matches, length):
    if length:
        return 2.0 * matches / length
    return 1.0


class SequenceMatcher:
    """Compares two sequences of hashable elements (Ratcliff/Obershelp
    with CPython's junk heuristics)."""

    def __init__(self, isjunk=None, a="", b="", autojunk=True):
        self.isjunk = isjunk
        self.autojunk = autojunk
        self.a = self.b = None
        self.set_seqs(a, b)

    def set_seqs(self, a, b):
        self.set_seq1(a)
        self.set_seq2(b)

    def set_seq1(self, a):
        if a is self.a:
            return
        self.a = a
        self.matching_blocks = self.opcodes = None

    def set_seq2(self, b):
        if b is self.b:
            return
        self.b = b
        self.matching_blocks = self.opcodes = None
        self.fullbcount = None
        self._index_b()

    def _index_b(self):
        """b2j: element -> increasing indices in b, without junk and, for
        long sequences, without the popular elements."""
        b = self.b
        self.b2j = b2j = {}
        for i, elt in enumerate(b):
            indices = b2j.setdefault(elt, [])
            indices.append(i)
        self.bjunk = junk = set()
        if self.isjunk:
            for elt in b2j.keys():
                if self.isjunk(elt):
                    junk.add(elt)
            for elt in junk:
                del b2j[elt]
        self.bpopular = popular = set()
        n = len(b)
        if self.autojunk and n >= 200:
            ntest = n // 100 + 1
            for elt, idxs in b2j.items():
                if len(idxs) > ntest:
                    popular.add(elt)
            for elt in popular:
                del b2j[elt]

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        """The longest matching block in a[alo:ahi] and b[blo:bhi], as
        Match(a, b, size); among the longest, the one starting earliest in
        a, then earliest in b. Junk-free first, then extended with junk."""
        if ahi is None:
            ahi = len(self.a)
        if bhi is None:
            bhi = len(self.b)
        return Match(*self._longest(alo, ahi, blo, bhi))

    def _longest(self, alo, ahi, blo, bhi):
        """find_longest_match as a plain (i, j, size) tuple."""
        a, b2j = self.a, self.b2j
        besti, bestj, bestsize = alo, blo, 0
        j2len = {}
        for i in range(alo, ahi):
            newj2len = {}
            for j in b2j.get(a[i], ()):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = newj2len[j] = j2len.get(j - 1, 0) + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            j2len = newj2len
        besti, bestj, bestsize = self._extend(besti, bestj, bestsize, alo,
                                              ahi, blo, bhi, False)
        return self._extend(besti, bestj, bestsize, alo, ahi, blo, bhi, True)

    def _extend(self, i, j, size, alo, ahi, blo, bhi, junk):
        """Grows the match (i, j, size) over equal neighbours that are
        not junk (junk=False) or that are junk (junk=True)."""
        a, b, bjunk = self.a, self.b, self.bjunk
        while i > alo and j > blo and (b[j - 1] in bjunk) == junk and \
                a[i - 1] == b[j - 1]:
            i, j, size = i - 1, j - 1, size + 1
        while i + size < ahi and j + size < bhi and \
                (b[j + size] in bjunk) == junk and a[i + size] == b[j + size]:
            size += 1
        return i, j, size

    def get_matching_blocks(self):
        """The matching blocks Match(i, j, n), increasing, adjacent ones
        merged, ending with the dummy (len(a), len(b), 0)."""
        return [Match(i, j, k) for i, j, k in self._blocks()]

    def _blocks(self):
        """get_matching_blocks as plain tuples (computed once)."""
        if self.matching_blocks is not None:
            return self.matching_blocks
        la, lb = len(self.a), len(self.b)
        queue = [(0, la, 0, lb)]
        found = []
        while queue:
            alo, ahi, blo, bhi = queue.pop()
            i, j, k = x = self._longest(alo, ahi, blo, bhi)
            if k:
                found.append(x)
                if alo < i and blo < j:
                    queue.append((alo, i, blo, j))
                if i + k < ahi and j + k < bhi:
                    queue.append((i + k, ahi, j + k, bhi))
        found.sort()
        merged = []
        i1 = j1 = k1 = 0
        for i2, j2, k2 in found:
            if i1 + k1 == i2 and j1 + k1 == j2:
                k1 += k2
            else:
                if k1:
                    merged.append((i1, j1, k1))
                i1, j1, k1 = i2, j2, k2
        if k1:
            merged.append((i1, j1, k1))
        merged.append((la, lb, 0))
        self.matching_blocks = merged
        return merged

    def get_opcodes(self):
        """(tag, i1, i2, j1, j2) turning a into b; tags 'replace', 'delete',
        'insert', 'equal'."""
        if self.opcodes is not None:
            return self.opcodes
        i = j = 0
        self.opcodes = answer = []
        for ai, bj, size in self._blocks():
            tag = ""
            if i < ai and j < bj:
                tag = "replace"
            elif i < ai:
                tag = "delete"
            elif j < bj:
                tag = "insert"
            if tag:
                answer.append((tag, i, ai, j, bj))
            i, j = ai + size, bj + size
            if size:
                answer.append(("equal", ai, i, bj, j))
        return answer

    def ratio(self):
        matches = sum(triple[-1] for triple in self._blocks())
        return _ratio(matches, len(self.a) + len(self.b))

    def quick_ratio(self):
        """An upper bound on ratio() from element counts alone."""
        if self.fullbcount is None:
            self.fullbcount = fullbcount = {}
            for elt in self.b:
                fullbcount[elt] = fullbcount.get(elt, 0) + 1
        fullbcount = self.fullbcount
        avail = {}
        matches = 0
        for elt in self.a:
            if elt in avail:
                numb = avail[elt]
            else:
                numb = fullbcount.get(elt, 0)
            avail[elt] = numb - 1
            if numb > 0:
                matches += 1
        return _ratio(matches, len(self.a) + len(self.b))

    def real_quick_ratio(self):
        """An upper bound on ratio() from the lengths alone."""
        la, lb = len(self.a), len(self.b)
        return _ratio(min(la, lb), la + lb)


class Match(tuple):
    """(a, b, size), with those names."""

    def __new__(cls, a, b, size):
        return tuple.__new__(cls, (a, b, size))

    @property
    def a(self):
        return self[0]

    @property
    def b(self):
        return self[1]

    @property
    def size(self):
        return self[2]

    def __repr__(self):
        return "Match(a=%r, b=%r, size=%r)" % tuple(self)


class Differ:
    """Line-by-line differences of two sequences of lines, each line
    prefixed '- ', '+ ', '  ' or '? ' (intraline guide)."""

    def __init__(self, linejunk=None, charjunk=None):
        self.linejunk = linejunk
        self.charjunk = charjunk

    def compare(self, a, b):
        out = []
        cruncher = SequenceMatcher(self.linejunk, a, b)
        for tag, alo, ahi, blo, bhi in cruncher.get_opcodes():
            if tag == "replace":
                self._fancy_replace(out, a, alo, ahi, b, blo, bhi)
            elif tag == "delete":
                self._dump(out, "-", a, alo, ahi)
            elif tag == "insert":
                self._dump(out, "+", b, blo, bhi)
            else:
                self._dump(out, " ", a, alo, ahi)
        return iter(out)

    def _dump(self, out, tag, x, lo, hi):
        for i in range(lo, hi):
            out.append("%s %s" % (tag, x[i]))

    def _plain_replace(self, out, a, alo, ahi, b, blo, bhi):
        if bhi - blo < ahi - alo:
            self._dump(out, "+", b, blo, bhi)
            self._dump(out, "-", a, alo, ahi)
        else:
            self._dump(out, "-", a, alo, ahi)
            self._dump(out, "+", b, blo, bhi)

    def _fancy_replace(self, out, a, alo, ahi, b, blo, bhi):
        """Pairs the most similar lines of the two blocks (ratio above
        0.75, or identical ones), marks the pair's differences, and
        recurses on the parts before and after it."""
        best_ratio, cutoff = 0.74, 0.75
        cruncher = SequenceMatcher(self.charjunk)
        eqi, eqj = None, None
        best_i = best_j = 0
        for j in range(blo, bhi):
            bj = b[j]
            cruncher.set_seq2(bj)
            for i in range(alo, ahi):
                ai = a[i]
                if ai == bj:
                    if eqi is None:
                        eqi, eqj = i, j
                    continue
                cruncher.set_seq1(ai)
                if cruncher.real_quick_ratio() > best_ratio and \
                        cruncher.quick_ratio() > best_ratio and \
                        cruncher.ratio() > best_ratio:
                    best_ratio, best_i, best_j = cruncher.ratio(), i, j
        if best_ratio < cutoff:
            if eqi is None:
                self._plain_replace(out, a, alo, ahi, b, blo, bhi)
                return
            best_i, best_j, best_ratio = eqi, eqj, 1.0
        else:
            eqi = None
        self._fancy_helper(out, a, alo, best_i, b, blo, best_j)
        aelt, belt = a[best_i], b[best_j]
        if eqi is None:
            self._mark_pair(out, cruncher, aelt, belt)
        else:
            out.append("  " + aelt)
        self._fancy_helper(out, a, best_i + 1, ahi, b, best_j + 1, bhi)

    def _mark_pair(self, out, cruncher, aelt, belt):
        atags = btags = ""
        cruncher.set_seqs(aelt, belt)
        for tag, ai1, ai2, bj1, bj2 in cruncher.get_opcodes():
            la, lb = ai2 - ai1, bj2 - bj1
            if tag == "replace":
                atags += "^" * la
                btags += "^" * lb
            elif tag == "delete":
                atags += "-" * la
            elif tag == "insert":
                btags += "+" * lb
            else:
                atags += " " * la
                btags += " " * lb
        self._qformat(out, aelt, belt, atags, btags)

    def _fancy_helper(self, out, a, alo, ahi, b, blo, bhi):
        if alo < ahi:
            if blo < bhi:
                self._fancy_replace(out, a, alo, ahi, b, blo, bhi)
            else:
                self._dump(out, "-", a, alo, ahi)
        elif blo < bhi:
            self._dump(out, "+", b, blo, bhi)

    def _qformat(self, out, aline, bline, atags, btags):
        """The two lines with their '?' guides; where a guide has a blank
        under a whitespace character of the line, it takes that character
        (a tab stays a tab) so that the guides line up."""
        atags = _keep_original_ws(aline, atags).rstrip()
        btags = _keep_original_ws(bline, btags).rstrip()
        out.append("- " + aline)
        if atags:
            out.append("? %s\n" % atags)
        out.append("+ " + bline)
        if btags:
            out.append("? %s\n" % btags)


def _keep_original_ws(s, tags):
    kept = []
    for c, tag in zip(s, tags):
        kept.append(c if tag == " " and c.isspace() else tag)
    return "".join(kept)


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    """Differ(linejunk, charjunk).compare(a, b)."""
    return Differ(linejunk, charjunk).compare(a, b)
