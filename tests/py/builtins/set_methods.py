a = {1, 2, 3}
b = {3, 4}
print(a | b, a & b, a - b, a ^ b, a.union(b, [9]), a.intersection([2, 3, 7]), a.difference(b), a.symmetric_difference(b))
print(a <= {1, 2, 3, 4}, a < a, a.issubset(range(5)), a.issuperset({1}), a.isdisjoint({7}))
s = set()
s.add(1); s.update([2, 3], (4,)); s.discard(9); s.discard(1); s.remove(2)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
c = {1, 2, 3, 4}
c -= {1}; c &= {2, 3, 4, 5}; c |= {10}; c ^= {2, 11}
print(c)
c.intersection_update({3, 4, 10}); print(c)
c.difference_update({3}); print(c)
c.symmetric_difference_update({4, 5}); print(c)
p = {7}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print(e)
print(sorted({"b", "a", "c"}), {1, 2}.copy(), set() == frozenset())
