print(bool(), bool(0), bool(1), bool("0"), bool([]), bool([0]), bool(None))
print(True, False, True == 1, False == 0, True is True)
print(True + True, True & False, True | False, True ^ True, ~True)
print(repr(True), str(False), int(True), float(False))
print(type(True).__name__, isinstance(True, int), issubclass(bool, int))
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print(e)
