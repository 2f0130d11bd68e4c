# Chains between objects, and counting objects by type.
from _dotcheck import objgraph, Collect, show
import sys


class Widget:
    pass


x = [1, 2]
y = [x]
z = [y, 'end']

chain = objgraph.find_ref_chain(z, lambda o: o is x)
print([type(o).__name__ for o in chain], chain[0] is z, chain[-1] is x)
chain = objgraph.find_backref_chain(x, objgraph.is_proper_module)
print([type(o).__name__ for o in chain], chain[0] is sys.modules[__name__])
print(objgraph.find_ref_chain(x, lambda o: False) == [x])
print(objgraph.is_proper_module(sys), objgraph.is_proper_module([]))

out = Collect()
objgraph.show_chain(objgraph.find_ref_chain(z, lambda o: o is x),
                    backrefs=False, output=out)
show(out.text())

widgets = [Widget() for i in range(3)]
print(objgraph.count('Widget'), objgraph.count('__main__.Widget'))
print(len(objgraph.by_type('Widget')), objgraph.by_type('Widget')[0] is widgets[0])
mine = widgets + [x, y, z, {}]
print(objgraph.typestats(mine))
print(objgraph.most_common_types(objects=mine, limit=2))
objgraph.show_most_common_types(objects=mine)
peak = {}
only = lambda o: type(o) is Widget
print(objgraph.growth(peak_stats=peak, filter=only))
widgets += [Widget(), Widget()]
objgraph.show_growth(peak_stats=peak, filter=only)
objgraph.show_growth(peak_stats=peak, filter=only)
print('no growth')
