import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught", e.code, type(e.code).__name__)
print("continues")
raise SystemExit(6)
