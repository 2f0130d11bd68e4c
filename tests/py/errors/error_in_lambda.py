f = lambda x: x.nope
f(5)
