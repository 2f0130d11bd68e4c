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
        if a is not self.a:
            self.a = a
            self._drop_cached()

    def set_seq2(self, b):
        if b is not self.b:
            self.b = b
            self._drop_cached()
            self.fullbcount = None
            self._index_b()

    def _drop_cached(self):
        self.matching_blocks = None
        self.opcodes = None

    def _index_b(self):
        """b2j: element -> increasing indices in b, without junk and, for
        long sequences, without the popular elements."""
        seq = self.b
        where = {}
        for pos, item in enumerate(seq):
            where.setdefault(item, []).append(pos)
        junkfn = self.isjunk
        junk = set(x for x in where if junkfn(x)) if junkfn else set()
        popular = set()
        if self.autojunk and len(seq) >= 200:
            limit = len(seq) // 100 + 1
            popular = set(x for x, spots in where.items()
                          if x not in junk and len(spots) > limit)
        for x in junk | popular:
            del where[x]
        self.b2j, self.bjunk, self.bpopular = where, junk, popular

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
                if j >= bhi:
                    break
                if j >= blo:
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
        if self.opcodes is None:
            self.opcodes = self._build_opcodes()
        return self.opcodes

    def _build_opcodes(self):
        codes = []
        pa = pb = 0
        for na, nb, size in self._blocks():
            gap_a, gap_b = pa < na, pb < nb
            if gap_a or gap_b:
                kind = ("replace" if gap_b else "delete") if gap_a else "insert"
                codes.append((kind, pa, na, pb, nb))
            pa, pb = na + size, nb + size
            if size:
                codes.append(("equal", na, pa, nb, pb))
        return codes

    def ratio(self):
        matches = sum(triple[-1] for triple in self._blocks())
        return _ratio(matches, len(self.a) + len(self.b))

    def quick_ratio(self):
        """An upper bound on ratio() from element counts alone."""
        counts = self.fullbcount
        if counts is None:
            counts = {}
            for x in self.b:
                counts[x] = counts.get(x, 0) + 1
            self.fullbcount = counts
        left = {}
        hits = 0
        for x in self.a:
            have = left[x] if x in left else counts.get(x, 0)
            left[x] = have - 1
            hits += have > 0
        return _ratio(hits, len(self.a) + len(self.b))

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
        score = 0.74
        sm = SequenceMatcher(self.charjunk)
        first_same = None
        pick = (0, 0)
        for j in range(blo, bhi):
            line_b = b[j]
            sm.set_seq2(line_b)
            for i in range(alo, ahi):
                line_a = a[i]
                if line_a == line_b:
                    if first_same is None:
                        first_same = (i, j)
                    continue
                sm.set_seq1(line_a)
                if sm.real_quick_ratio() <= score or sm.quick_ratio() <= score:
                    continue
                r = sm.ratio()
                if r > score:
                    score, pick = r, (i, j)
        identical = False
        if score < 0.75:
            if first_same is None:
                self._plain_replace(out, a, alo, ahi, b, blo, bhi)
                return
            pick, identical = first_same, True
        pi, pj = pick
        self._fancy_helper(out, a, alo, pi, b, blo, pj)
        if identical:
            out.append("  " + a[pi])
        else:
            self._mark_pair(out, sm, a[pi], b[pj])
        self._fancy_helper(out, a, pi + 1, ahi, b, pj + 1, bhi)

    def _mark_pair(self, out, cruncher, aelt, belt):
        guide_a, guide_b = [], []
        cruncher.set_seqs(aelt, belt)
        for tag, i1, i2, j1, j2 in cruncher.get_opcodes():
            sym_a, sym_b = _GUIDE_MARKS[tag]
            guide_a.append(sym_a * (i2 - i1))
            guide_b.append(sym_b * (j2 - j1))
        self._qformat(out, aelt, belt, "".join(guide_a), "".join(guide_b))

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


_GUIDE_MARKS = {"replace": ("^", "^"), "delete": ("-", ""),
                "insert": ("", "+"), "equal": (" ", " ")}


def _keep_original_ws(s, tags):
    kept = []
    for c, tag in zip(s, tags):
        kept.append(c if tag == " " and c.isspace() else tag)
    return "".join(kept)


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    """Differ(linejunk, charjunk).compare(a, b)."""
    return Differ(linejunk, charjunk).compare(a, b)
