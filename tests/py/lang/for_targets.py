pairs = [(1, 'a'), (2, 'b')]
for n, s in pairs:
    print(n, s)
for i, (n, s) in enumerate(pairs):
    print(i, n, s)
d = {}
for d['k'] in range(3):
    pass
print(d)

class O:
    pass

o = O()
for o.attr in "xyz":
    pass
print(o.attr)
for first, *rest in [(1, 2, 3), (4,)]:
    print(first, rest)
