import weakref
for value in (1, "s", [], {}, (), None):
    try:
        weakref.ref(value)
    except TypeError as e:
        print(e)

class Slotted:
    __slots__ = ("x",)

try:
    weakref.ref(Slotted())
except TypeError as e:
    print(e)

class SlottedWeak:
    __slots__ = ("x", "__weakref__")

print(weakref.ref(SlottedWeak())() is None)
def f():
    pass
print(weakref.ref(f)() is f)
