# sub: /tmp/objgraph-\S+\.dot => /tmp/objgraph-X.dot
# A picture in SVG: Graphviz draws one node per object objgraph reports,
# and the file is XML (its tags balance).
from _dotcheck import objgraph

x = [1, 2, 3]
y = [x, [x]]
z = [y, (x, y)]
path = '/tmp/rcpy_objgraph_picture_test.svg'
objgraph.show_refs([z], filename=path, filter=lambda o: not isinstance(o, int))
with open(path) as f:
    svg = f.read()
print(svg.count('class="node"'))
print(svg.lstrip().startswith('<?xml'), svg.rstrip().endswith('</svg>'))
opened = svg.count('<g ') + svg.count('<g>')
closed = svg.count('</g>')
print(opened == closed, opened > 0)
