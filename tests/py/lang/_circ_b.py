import _circ_a
NAME = "b"
def from_a():
    return _circ_a.NAME
