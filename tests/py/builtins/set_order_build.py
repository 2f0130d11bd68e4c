# Sets built by add(), comprehensions, set(iterable) and update() iterate in
# CPython's order, whatever the mix of ints, floats, strs and tuples.
import random

random.seed(1)
for k in range(400):
    n = random.randint(1, 30)
    vals = [random.choice([random.randint(-50, 200), random.randint(0, 10**6),
                           random.random() * 100, str(random.randint(0, 99)),
                           (random.randint(0, 9), 1)]) for _ in range(n)]
    s = set()
    for v in vals:
        s.add(v)
    c = {v for v in vals}
    d = set()
    d.update(vals)
    print(k, list(s) == list(c) == list(d) == list(set(vals)), list(s))
