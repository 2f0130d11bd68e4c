class Dyn:
    real = "real attr"
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError("no " + name)

d = Dyn()
print(d.real, d.xyz)
d.x1 = "set"
print(d.x1)
try:
    d.other
except AttributeError as e:
    print(e)
print(getattr(d, "other", "default"), hasattr(d, "xa"), hasattr(d, "q"))
