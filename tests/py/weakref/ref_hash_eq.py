import weakref

class Obj:
    pass

a = Obj()
b = Obj()
ra = weakref.ref(a)
rb = weakref.ref(b)
print(ra == weakref.ref(a), ra == rb, ra != rb)
print(hash(ra) == hash(a))
d = {ra: "a"}
print(d[weakref.ref(a)])
del a
try:
    hash(weakref.ref(b, lambda r: 0)) if False else hash(rb)
    print("hash of live ref ok")
except TypeError as e:
    print(e)
