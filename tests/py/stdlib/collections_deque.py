from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(d.count(7), d.index(7), 8 in d, list(reversed(d)))
d.remove(7)
d.reverse()
print(d)
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
print(bounded, bounded.maxlen)
bounded.appendleft(99)
print(bounded)
e = deque()
try:
    e.pop()
except IndexError as ex:
    print(ex)
try:
    e.popleft()
except IndexError as ex:
    print(ex)
print(deque("abc") == deque("abc"), deque([1]) + deque([2]), bool(deque()), deque(range(3)) * 2)
d2 = deque([1, 2, 3])
d2[1] = 20
del d2[0]
print(d2, d2.copy(), list(d2))
try:
    d2[5]
except IndexError as ex:
    print(ex)
try:
    d2.remove(99)
except ValueError as ex:
    print(ex)
