# Seed 002: typed as the seed has it; a script prints nothing.
import sys
a = [1, 3]
sys.getrefcount(a)
