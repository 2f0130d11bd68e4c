try:
    raise SystemExit(3)
except SystemExit as e:
    print("caught SystemExit", e.code)

try:
    raise KeyboardInterrupt
except BaseException as e:
    print("caught", type(e).__name__)

try:
    raise ValueError
except Exception as e:
    print(repr(e))

try:
    raise TypeError("x")
except:
    print("bare except")
