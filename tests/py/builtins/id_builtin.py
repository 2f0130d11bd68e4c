a = []
b = a
c = []
print(id(a) == id(b), id(a) != id(c), type(id(a)).__name__)
print(id(None) == id(None), id(a) > 0)
