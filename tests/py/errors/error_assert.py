x = 5
assert x < 3, "x is too big: %d" % x
