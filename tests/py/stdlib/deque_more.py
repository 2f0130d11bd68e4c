# deque: a deque inside itself prints [...], n * deque and *=, mutation
# while iterating is a RuntimeError, remove's message.
from collections import deque
d = deque([1, 2])
try:
    d.remove(5)
except ValueError as e:
    print(e)
d.append(d)
print(repr(d))
print(2 * deque([1]), deque([1, 2]) * 2)
d2 = deque([1]); d2 *= 3; print(d2)
d3 = deque(range(3), maxlen=2); d3.append(d3); print(d3)
d4 = deque([1, 2, 3])
try:
    for x in d4:
        d4.append(x)
except RuntimeError as e:
    print(e)
print(list(reversed(deque("abc"))), sorted(deque([3, 1, 2])))
