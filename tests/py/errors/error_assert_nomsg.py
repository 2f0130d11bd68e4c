def check(v):
    assert v > 0

check(1)
check(-1)
