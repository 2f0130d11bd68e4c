"""objgraph for rcpy: object counts by type, reference chains and pictures
of the object graph, with the signatures of objgraph 3.5.

The walking is done by rcgc's graph walker (the _objgraph module, in C);
this module gives it objgraph's rules: which objects are drawn, how nodes
and edges are labelled, where the picture goes. Pictures are rendered by
Graphviz (its gvc library when rcpy was built with it, else the `dot`
command); the .dot file is always written first.

Beyond objgraph: why_alive(obj) prints the chain of references that keeps
obj alive, from a root (a module's globals, a frame's local variable, or a
reference held from C) down to obj, naming each link.
"""

import gc
import sys

import _objgraph

__version__ = '3.5.0'

_ModuleType = type(sys)
_FunctionType = type(lambda: None)
_BuiltinType = type(len)
_FrameType = type(sys._getframe())


class _Probe:
    def method(self):
        pass


_MethodType = type(_Probe().method)
del _Probe


def _is_instance(obj, classes):
    # type(obj), not obj.__class__ (which a proxy may fake)
    return issubclass(type(obj), classes)


def _is_identifier(text):
    if not text or not (text[0].isalpha() or text[0] == '_'):
        return False
    for c in text:
        if not (c.isalnum() or c == '_') or ord(c) > 127:
            return False
    return True


# --------------------------------------------------------------- names

def _short_typename(obj):
    return type(obj).__name__


def _long_typename(obj):
    cls = type(obj)
    module = getattr(cls, '__module__', None)
    return '%s.%s' % (module, cls.__name__) if module else cls.__name__


def _typename(obj, shortnames):
    return _short_typename(obj) if shortnames else _long_typename(obj)


def _name_or_repr(value):
    try:
        name = value.__name__
    except AttributeError:
        name = None
    if isinstance(name, str):
        return name
    return repr(value)[:40]


def _describe(obj):
    """The short text objgraph puts under a node's type name."""
    if _is_instance(obj, (type, _ModuleType, _BuiltinType)):
        return _name_or_repr(obj)
    if _is_instance(obj, _MethodType):
        name = _name_or_repr(obj.__func__)
        return name + ' (bound)' if obj.__self__ else name
    if _is_instance(obj, _FunctionType) and obj.__name__ == '<lambda>':
        code = obj.__code__
        return 'lambda: %s:%s' % (code.co_filename.rsplit('/', 1)[-1],
                                  code.co_firstlineno)
    if _is_instance(obj, _FrameType):
        return '%s:%s' % (obj.f_code.co_filename, obj.f_lineno)
    if _is_instance(obj, (tuple, list, dict, set)):
        return '%d items' % len(obj)
    return repr(obj)[:40]


def _safe_describe(obj):
    try:
        return _describe(obj)
    except Exception:
        return '(unrepresentable)'


def _edge(source, target, shortnames):
    """objgraph's edge label for source -> target: (label, weight) or
    None."""
    if _is_instance(target, dict) and \
            target is getattr(source, '__dict__', None):
        return ('__dict__', 10)
    if _is_instance(source, _FrameType):
        if target is source.f_locals:
            return ('f_locals', 10)
        if target is source.f_globals:
            return ('f_globals', 10)
    if _is_instance(source, _MethodType):
        if target is source.__self__:
            return ('__self__', 10)
        if target is source.__func__:
            return ('__func__', 10)
    if _is_instance(source, _FunctionType):
        for name in dir(source):
            if target is getattr(source, name):
                return (name, 10)
    if _is_instance(source, dict):
        for key, value in source.items():
            if value is target:
                if _is_instance(key, str) and _is_identifier(key):
                    return (key, 2)
                return (_typename(key, shortnames) + '\n' +
                        _safe_describe(key), 0)
    return None


def is_proper_module(obj):
    """True for a module that is in sys.modules under its own name: what
    objgraph treats as a root."""
    return (_is_instance(obj, _ModuleType) and
            obj is sys.modules.get(getattr(obj, '__name__', None)))


# ------------------------------------------------------- counting types

def count(typename, objects=None):
    """How many objects the collector tracks of a type name (qualified
    with its module when the name has a dot)."""
    if objects is None:
        objects = gc.get_objects()
    name = _long_typename if '.' in typename else _short_typename
    return sum(1 for o in objects if name(o) == typename)


def typestats(objects=None, shortnames=True, filter=None):
    """{type name: number of tracked objects}."""
    pool = gc.get_objects() if objects is None else objects
    tally = {}
    for o in pool:
        if not filter or filter(o):
            key = _typename(o, shortnames)
            tally[key] = tally.get(key, 0) + 1
    return tally


def most_common_types(limit=10, objects=None, shortnames=True, filter=None):
    """[(type name, count)], most numerous first, at most limit of them."""
    stats = sorted(typestats(objects, shortnames=shortnames,
                             filter=filter).items(),
                   key=lambda item: item[1], reverse=True)
    return stats[:limit] if limit else stats


def show_most_common_types(limit=10, objects=None, shortnames=True,
                           file=None, filter=None):
    """Prints most_common_types() as a table."""
    rows = most_common_types(limit, objects, shortnames=shortnames,
                             filter=filter)
    out = sys.stdout if file is None else file
    pad = max(len(row[0]) for row in rows)
    for label, n in rows:
        out.write('%-*s %i\n' % (pad, label, n))


_peak_stats = {}


def growth(limit=10, peak_stats=_peak_stats, shortnames=True, filter=None):
    """[(type name, count, increase)] for the types whose count rose above
    its previous peak (kept in peak_stats) since the last call."""
    gc.collect()
    stats = typestats(shortnames=shortnames, filter=filter)
    deltas = {}
    for name, n in stats.items():
        before = peak_stats.get(name, 0)
        if n > before:
            deltas[name] = n - before
            peak_stats[name] = n
    ranked = sorted(deltas.items(), key=lambda item: item[1], reverse=True)
    if limit:
        ranked = ranked[:limit]
    return [(name, stats[name], delta) for name, delta in ranked]


def show_growth(limit=10, peak_stats=None, shortnames=True, file=None,
                filter=None):
    """Prints growth() as a table."""
    rows = growth(limit, _peak_stats if peak_stats is None else peak_stats,
                  shortnames, filter)
    if not rows:
        return
    out = sys.stdout if file is None else file
    pad = max(len(row[0]) for row in rows)
    for label, n, delta in rows:
        out.write('%-*s%9d %+9d\n' % (pad, label, n, delta))


def get_leaking_objects(objects=None):
    """Tracked objects that no tracked object refers to."""
    if objects is None:
        gc.collect()
        objects = gc.get_objects()
    ids = set(id(o) for o in objects)
    for o in objects:
        for r in gc.get_referents(o):
            ids.discard(id(r))
    return [o for o in objects if id(o) in ids]


def by_type(typename, objects=None):
    """The tracked objects of a type name."""
    pool = gc.get_objects() if objects is None else objects
    name = _long_typename if '.' in typename else _short_typename
    return [o for o in pool if name(o) == typename]


def at(addr):
    """The tracked object whose id() is addr, or None."""
    return next((o for o in gc.get_objects() if id(o) == addr), None)


def at_addrs(address_set):
    """The tracked objects whose ids are in address_set."""
    return [o for o in gc.get_objects() if id(o) in address_set]


# -------------------------------------------------------------- chains

def find_ref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    """A shortest chain [obj, ..., match] of references from obj to an
    object for which predicate is true; [obj] when there is none."""
    gc.collect()
    chain = _objgraph.find_chain(obj, predicate, False, max_depth,
                                 list(extra_ignore))
    return chain or [obj]


def find_backref_chain(obj, predicate, max_depth=20, extra_ignore=()):
    """A shortest chain [match, ..., obj] of references to obj from an
    object for which predicate is true (is_proper_module, say); [obj] when
    there is none."""
    gc.collect()
    chain = _objgraph.find_chain(obj, predicate, True, max_depth,
                                 list(extra_ignore))
    return chain or [obj]


# ------------------------------------------------------------ pictures

def _graph(objs, backrefs, max_depth, extra_ignore, filter, too_many,
           highlight, filename, extra_info, refcounts, shortnames, output,
           extra_node_attrs):
    if filename and output:
        raise ValueError('Cannot specify both output and filename.')
    if not _is_instance(objs, (list, tuple)):
        objs = [objs]
    ignore = list(extra_ignore)
    ignore.append(id(objs))
    ignore.append(id(extra_ignore))

    def label(obj, refs):
        first = _typename(obj, shortnames)
        if refcounts:
            first += ' [%d]' % refs
        lines = [first, _safe_describe(obj)]
        if extra_info:
            lines.append(str(extra_info(obj)))
        return '\n'.join(lines)

    def flags(obj):
        bits = 0
        if _is_instance(obj, _ModuleType):
            bits |= _objgraph.ROOT
        if highlight and highlight(obj):
            bits |= _objgraph.HIGHLIGHT
        if hasattr(getattr(obj, '__class__', None), '__del__'):
            bits |= _objgraph.FINALIZER
        if backrefs and is_proper_module(obj):
            bits |= _objgraph.STOP
        return bits

    def attrs(obj):
        extra = extra_node_attrs(obj)
        return ''.join(', %s="%s"' % (name, _quote(value))
                       for name, value in sorted(extra.items())
                       if value is not None)

    gc.collect()
    text, nodes = _objgraph.dot(
        objs, backrefs, max_depth, too_many, ignore, filter, flags, label,
        lambda source, target: _edge(source, target, shortnames),
        attrs if extra_node_attrs else None)
    _present(text, nodes, filename, output)


def _quote(value):
    return (str(value).replace('\\', '\\\\').replace('"', '\\"')
            .replace('\n', '\\n'))


def _present(text, nodes, filename, output):
    """Writes the DOT text where the caller asked, and the picture."""
    if output:
        output.write(text)
        return
    if filename and filename.endswith('.dot'):
        with open(filename, 'w') as f:
            f.write(text)
        print('Graph written to %s (%d nodes)' % (filename, nodes))
        return
    dot_path = _objgraph.mkstemp()
    with open(dot_path, 'w') as f:
        f.write(text)
    if _objgraph.renderer() is None:
        print('Graph written to %s (no Graphviz found to render %s)'
              % (dot_path, filename or 'a picture'))
        return
    print('Graph written to %s (%d nodes)' % (dot_path, nodes))
    if not filename:
        print('Graph viewer (xdot) not found, generating a png instead')
        filename = dot_path[:-4] + '.png'
    if _objgraph.render(dot_path, filename):
        print('Image generated as %s' % filename)


def show_refs(objs, max_depth=3, extra_ignore=(), filter=None,
              too_many=10, highlight=None, filename=None,
              extra_info=None, refcounts=False, shortnames=True,
              output=None, extra_node_attrs=None):
    """Draws what objs refer to, directly and indirectly, max_depth
    references deep (a .dot file, rendered to filename's format)."""
    _graph(objs, False, max_depth, extra_ignore, filter, too_many, highlight,
           filename, extra_info, refcounts, shortnames, output,
           extra_node_attrs)


def show_backrefs(objs, max_depth=3, extra_ignore=(), filter=None,
                  too_many=10, highlight=None, filename=None, extra_info=None,
                  refcounts=False, shortnames=True, output=None,
                  extra_node_attrs=None):
    """Draws what refers to objs, directly and indirectly, stopping at
    modules."""
    _graph(objs, True, max_depth, extra_ignore, filter, too_many, highlight,
           filename, extra_info, refcounts, shortnames, output,
           extra_node_attrs)


def show_chain(*chains, **kw):
    """Draws chains found by find_backref_chain (backrefs=True, the
    default) or find_ref_chain (backrefs=False)."""
    going_back = kw.pop('backrefs', True)
    kept = [c for c in chains if c]
    members = set(id(o) for c in kept for o in c)
    depth = max(len(c) for c in kept) - 1
    if going_back:
        draw, ends = show_backrefs, [c[-1] for c in kept]
    else:
        draw, ends = show_refs, [c[0] for c in kept]
    draw(ends, max_depth=depth, filter=lambda o: id(o) in members, **kw)


# ----------------------------------------------------------- why alive

def _module_of_globals(d):
    for name, module in list(sys.modules.items()):
        if getattr(module, '__dict__', None) is d:
            return name
    return None


def _frame_text(frame):
    code = frame.f_code
    where = ('module level' if code.co_name == '<module>'
             else 'function %s()' % code.co_name)
    return '%s (%s:%d)' % (where, code.co_filename.rsplit('/', 1)[-1],
                           frame.f_lineno)


def _root_text(root, external, frames):
    if _is_instance(root, _FrameType):
        return 'the running frame of %s' % _frame_text(root)
    for frame in frames:
        for name, value in frame.f_locals.items():
            if value is root:
                return "local variable '%s' of %s" % (name,
                                                      _frame_text(frame))
    if _is_instance(root, dict):
        module = _module_of_globals(root)
        if module is not None:
            return "the globals of module '%s'" % module
    if _is_instance(root, _ModuleType):
        return "module '%s'" % getattr(root, '__name__', '?')
    if root is sys.modules:
        return 'sys.modules'
    return '%s, held from C' % _node_text(root)


def _link_text(source, target):
    if _is_instance(source, _FrameType):
        for name, value in source.f_locals.items():
            if value is target:
                return 'local %r' % (name,)
    if _is_instance(source, dict):
        if _module_of_globals(source) is not None:
            for key, value in source.items():
                if value is target:
                    return 'global %r' % (key,)
        for key, value in source.items():
            if value is target:
                return '[%r]' % (key,)
            if key is target:
                return 'key %r' % (key,)
    name = _objgraph.link_name(source, target)
    if name is not None:
        return name
    if target is getattr(source, '__dict__', None) or (
            _is_instance(source, type) and _is_instance(target, dict)):
        return '.__dict__'
    try:
        attrs = vars(source)
    except TypeError:
        attrs = {}
    for key, value in attrs.items():
        if value is target:
            return '.' + key
    for key in dir(source):
        try:
            if getattr(source, key) is target:
                return '.' + key
        except Exception:
            pass
    return '(refers to)'


def _node_text(obj):
    try:
        text = _describe(obj)
        if text.startswith('<') and not _is_instance(obj, (tuple, list, dict,
                                                           set)):
            text = repr(obj)[:80]  # the address too
    except Exception:
        text = '(unrepresentable)'
    return '%s %s' % (_short_typename(obj), text)


def why_alive(obj, file=None, extra_refs=0):
    """Prints why obj is alive: the shortest chain of references to it from
    a root, one object a line with the link that leads to the next.
    extra_refs: references to obj its caller holds that should not count
    (C code calling this)."""
    # obj is also held by this frame (1) and by the call's argument, which
    # the C function counts itself: neither makes it a root
    chain, external, garbage = _objgraph.why_alive(obj, 1 + extra_refs)
    if file is None:
        file = sys.stdout
    frames = []
    try:
        frame = sys._getframe(1)
    except ValueError:  # called from C, with no Python caller
        frame = None
    while frame is not None:
        frames.append(frame)
        frame = frame.f_back
    file.write('%s is alive:\n' % _node_text(obj))
    if garbage:
        file.write('  only garbage (a reference cycle nothing else reaches)'
                   ' refers to it: gc.collect() frees it\n')
        return
    file.write('  root: %s\n' % _root_text(chain[0], external, frames))
    for source, target in zip(chain, chain[1:]):
        file.write('    %s -> %s\n' % (_link_text(source, target),
                                       _node_text(target)))
