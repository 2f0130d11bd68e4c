# The order in which objgraph meets referents is the collector's traverse
# order: CPython visits a list's and a tuple's items last to first, a dict's
# values before their keys, and skips a dict's keys when all are str. With
# too_many=1 only the first referent of each object is drawn, and a chain
# search takes the first way it finds.
from _dotcheck import objgraph, Collect, show

x = [1, 2, 3]
y = [x, dict(key1=x)]
z = [y, (x, y)]

out = Collect()
objgraph.show_refs([z], max_depth=2, too_many=1, output=out)
show(out.text())
print('1 more references' in out.text())
chain = objgraph.find_ref_chain(z, lambda o: o is x)
print([type(o).__name__ for o in chain])
