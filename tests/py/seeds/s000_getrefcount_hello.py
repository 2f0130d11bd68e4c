# Seed 000: sys.getrefcount on a string, typed as the seed has it (a script
# does not echo the value, so it prints nothing; it must run cleanly).
import sys
a = "hello world" 
sys.getrefcount(a)
