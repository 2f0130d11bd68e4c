# Seed 001: an isolated reference cycle (no output: it must run).
a = []
b = [a]
a.append(b)
del a
del b
