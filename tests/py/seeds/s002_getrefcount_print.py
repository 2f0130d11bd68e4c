# Seed 002's comment says the result is 2.
import sys
a = [1, 3]
print(sys.getrefcount(a))
