import _circ_a
print(_circ_a.NAME, _circ_a.from_b())
import _circ_b
print(_circ_b.from_a())
