# show_backrefs draws what refers to an object; modules' dicts are left out
# by a filter so that the picture holds only this script's containers.
from _dotcheck import objgraph, Collect, show

x = ['target']
a = [x]
b = {'key': x, 3: x}
t = (x, a)


def mine(o):
    return o is a or o is b or o is t


out = Collect()
objgraph.show_backrefs([x], max_depth=2, filter=mine, output=out)
show(out.text())

out = Collect()
objgraph.show_backrefs(x, max_depth=1, filter=mine, refcounts=False,
                       highlight=lambda o: o is t, output=out)
show(out.text())
print('fillcolor="0.6,0.6,' in out.text())
