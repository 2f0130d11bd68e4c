# rcpy-only: objgraph.why_alive and gc.snapshot are rcpy's own
# why_alive prints the chain of references from a root to an object, naming
# each link; gc.snapshot counts objects and bytes by type, and diff() says
# what grew.
import gc
import objgraph


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []


tree = Node('root')
tree.children.append(Node('leaf'))
leaf = tree.children[0]
objgraph.why_alive(tree.children)


def local_holder():
    mine = [1, 2]
    objgraph.why_alive(mine)


local_holder()

a, b = [], []
a.append(b)
b.append(a)
del b
objgraph.why_alive(a[0])
a = None
print(gc.collect() >= 2)

before = gc.snapshot()
nodes = [Node(str(i)) for i in range(50)]
after = gc.snapshot()
d = after.diff(before)
print(d['Node'])
print(d.rows[0][:3])
print(after['Node'][0] - before['Node'][0], len(nodes))
print(str(d).splitlines()[0].split())
print(after.count > before.count, after.bytes > before.bytes)
try:
    after.diff(nodes)
except TypeError as e:
    print('TypeError:', e)
try:
    before['Nope']
except KeyError as e:
    print('KeyError:', e)
