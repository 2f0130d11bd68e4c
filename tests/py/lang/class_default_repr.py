class Plain:
    pass

p = Plain()
r = repr(p)
print(r.startswith("<__main__.Plain object at 0x"), r == str(p))
print(p)
print(Plain)
print(repr(Plain), type(p))
print(type(Plain), type(type))
print(object(), int, len)
