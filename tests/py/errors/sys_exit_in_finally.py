import sys
try:
    sys.exit(4)
finally:
    print("finally runs on sys.exit")
