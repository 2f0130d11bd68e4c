o = object()
print(type(o).__name__, str(o).startswith("<object object at 0x"))
try:
    o.x = 1
except AttributeError as e:
    print(e)
print(object.__name__, object.__bases__, type(object()) is object)
print(o == o, o != object(), hash(o) == hash(o))
