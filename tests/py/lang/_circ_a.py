import _circ_b
NAME = "a"
def from_b():
    return _circ_b.NAME
