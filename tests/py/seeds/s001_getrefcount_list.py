# Seed 001: getrefcount shows one more than the names bound to the list.
from sys import getrefcount
a = [1, 2, 3]
print(getrefcount(a))
b = a
print(getrefcount(b))
