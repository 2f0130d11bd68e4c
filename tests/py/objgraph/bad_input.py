# Bad arguments raise the exceptions CPython's objgraph raises.
from _dotcheck import objgraph, Collect

x = [1]


def attempt(what, f):
    try:
        f()
        print(what, 'ok')
    except Exception as e:
        print(what, type(e).__name__)


attempt('unwritable', lambda: objgraph.show_refs(
    [x], filename='/nonexistent-dir/graph.dot'))
attempt('both', lambda: objgraph.show_refs(
    [x], filename='g.dot', output=Collect()))
attempt('depth', lambda: objgraph.show_refs(
    [x], max_depth='deep', output=Collect()))
attempt('predicate', lambda: objgraph.find_ref_chain(x, 5))
attempt('filter', lambda: objgraph.show_refs(
    [x], filter=lambda o: 1 / 0, output=Collect()))
attempt('count', lambda: objgraph.count(5))
