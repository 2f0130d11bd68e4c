class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __le__(self, other):
        return self.v <= other.v
    def __repr__(self):
        return "V%d" % self.v

vals = [V(3), V(1), V(2)]
print(sorted(vals))
print(max(vals), min(vals))
print(V(1) < V(2), V(2) > V(1), V(2) >= V(2))
vals.sort(reverse=True)
print(vals)

class Only:
    pass

try:
    Only() < Only()
except TypeError as e:
    print(e)
