import sys
import traceback

try:
    [][3]
except IndexError:
    traceback.print_exc()
    traceback.print_exc(file=sys.stdout)
print("continues")
