# Seed 003's line with sys imported: getrefcount needs its argument.
import sys
print(sys.getrefcount())
