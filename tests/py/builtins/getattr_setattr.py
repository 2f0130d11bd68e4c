class O:
    a = 1

o = O()
print(getattr(o, "a"), getattr(o, "b", "default"))
setattr(o, "b", 2)
print(o.b, hasattr(o, "b"), hasattr(o, "c"))
delattr(o, "b")
print(hasattr(o, "b"))
try:
    getattr(o, "c")
except AttributeError as e:
    print(e)
try:
    getattr(o, 5)
except TypeError as e:
    print(e)
try:
    delattr(o, "nope")
except AttributeError as e:
    print(e)
print(getattr(1, "real"), getattr("s", "upper")())
