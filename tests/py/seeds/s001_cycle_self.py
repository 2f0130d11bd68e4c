# Seed 001: a list holding itself.
from sys import getrefcount
a = []
a.append(a)
print(getrefcount(a))
