# rcpy-only: objgraph is rcpy's own module here (CPython's needs the objgraph package)
# Seed 001: objgraph.show_refs draws the reference topology of z. The
# picture is removed afterwards so the run leaves the tree clean.
# sub: /tmp/objgraph-\S+\.dot => /tmp/objgraph-X.dot
# sub: \(\d+ nodes\) => (N nodes)
x = [1, 2, 3]
y = [x, dict(key1=x)]
z = [y, (x, y)]

import objgraph
objgraph.show_refs([z], filename='ref_topo.png')

import os
os.remove('ref_topo.png')
