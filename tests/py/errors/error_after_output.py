import sys
print("stdout line 1")
print("stderr line", file=sys.stderr)
print("stdout line 2")
raise TypeError("after output")
