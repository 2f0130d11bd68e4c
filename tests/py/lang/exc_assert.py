assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print(repr(e), e.args)
try:
    assert False, "with message %d" % 5
except AssertionError as e:
    print(e)
x = []
try:
    assert x, x
except AssertionError as e:
    print(e.args)
