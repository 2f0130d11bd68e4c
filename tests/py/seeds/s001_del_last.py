# Seed 001: deleting the only name of a list (no output: it must run).
a = [1, 2, 3]
del a
