# Seed 001's picture: objgraph.show_refs([z]) draws z, what it holds and
# what those hold, three references deep. The DOT text's nodes and edges
# are objgraph's on CPython and on rcpy.
from _dotcheck import objgraph, Collect, show

x = [1, 2, 3]
y = [x, dict(key1=x)]
z = [y, (x, y)]

out = Collect()
objgraph.show_refs([z], output=out)
show(out.text())

# filter and extra_ignore keep objects out of the picture
out = Collect()
objgraph.show_refs([z], filter=lambda o: not isinstance(o, int),
                   extra_ignore=[id(y)], output=out)
show(out.text())
