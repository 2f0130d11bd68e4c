"""What the objgraph tests share: objgraph itself (rcpy's own module, or on
CPython Debian's python3-objgraph, found in dist-packages when the
interpreter running the test has no objgraph of its own) and the structure
of a DOT text, printed so that two implementations can be compared: the
nodes' labels and the edges between labels, sorted, without addresses."""

import sys

try:
    import objgraph
except ImportError:
    sys.path.append('/usr/lib/python3/dist-packages')
    import objgraph


class Collect:
    """A file-like object for objgraph's output= parameter."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def text(self):
        return ''.join(self.parts)


def _unquote(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            out.append('\n' if n == 'n' else n)
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def _attr(line, name):
    key = name + '="'
    at = line.find(key)
    if at < 0:
        return None
    i = at + len(key)
    j = i
    while line[j] != '"':
        j += 2 if line[j] == '\\' else 1
    return _unquote(line[i:j])


def structure(dot):
    """(sorted node labels, sorted (from, to, edge label) triples)."""
    labels = {}
    edges = []
    for line in dot.splitlines():
        line = line.strip()
        if ' -> ' in line:
            ends = line.split(' [')[0].rstrip(';')
            src, dst = ends.split(' -> ')
            edges.append((src, dst, _attr(line, 'label') or ''))
        elif '[label=' in line:
            labels[line.split('[')[0]] = _attr(line, 'label')
    named = sorted((labels[s], labels[d], e) for s, d, e in edges)
    return sorted(labels.values()), named


def show(dot):
    nodes, edges = structure(dot)
    print('%d nodes, %d edges' % (len(nodes), len(edges)))
    for label in nodes:
        print('  node %r' % label)
    for src, dst, label in edges:
        print('  %r -> %r%s' % (src, dst, ' [%r]' % label if label else ''))
