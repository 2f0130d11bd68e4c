# Seed 001: a list holding `a` twice adds two references to it.
from sys import getrefcount

a = [1, 2, 3]
print(getrefcount(a))

b = [a, a]
print(getrefcount(a))
