# Seed 001: two lists referring to each other (no output: it must run).
a = []
b = [a]
a.append(b)
