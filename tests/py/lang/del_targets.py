x = 1
del x
print("x" in dir())
L = [0, 1, 2, 3, 4]
del L[0], L[-1]
print(L)
d = {"a": 1, "b": 2}
del d["a"]
print(d)

class O:
    pass

o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
nested = [[1, 2], [3, 4]]
del nested[1][0]
print(nested)
(c, d2) = (3, 4)
del (c, d2)
print("c" in dir())
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError", e)
try:
    del L[10]
except IndexError as e:
    print(e)
try:
    del o.missing
except AttributeError as e:
    print(e)
try:
    del undefined
except NameError as e:
    print(e)
