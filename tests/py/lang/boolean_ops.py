print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print(None or [] or "last")
print([] and "never")
print(not 0, not 1, not "", not "x")

def side(v):
    print("eval", v)
    return v

print(side(0) and side(1))
print(side(1) or side(2))
print(True + True, True * 3, False - 1)
