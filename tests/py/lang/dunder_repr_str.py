class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "P(%r)" % self.x
    def __str__(self):
        return "point at %s" % self.x

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

p = P("a")
print(p)
print(repr(p), str(p))
print([p, P(2)])
print(f"{p} {p!r}")
print(OnlyRepr(), str(OnlyRepr()))
print({"k": p})
print((p,))
