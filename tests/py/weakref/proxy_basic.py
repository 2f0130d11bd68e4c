import weakref

class Obj:
    def __init__(self):
        self.value = 10
    def method(self):
        return "method result"
    def __len__(self):
        return 3

o = Obj()
p = weakref.proxy(o)
print(p.value, p.method(), len(p))
p.value = 20
print(o.value)
print(type(p).__name__)
del o
try:
    p.value
except ReferenceError as e:
    print(e)
