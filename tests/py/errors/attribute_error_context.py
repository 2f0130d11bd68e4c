# exc.name for NameErrors the interpreter raises; an AttributeError raised
# bare by __getattr__ learns name/obj (so the hint can suggest a name);
# names given by the raiser are kept.
class A:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError()
try:
    A().bluch
except AttributeError as e:
    print(repr(e.name), type(e.obj).__name__)
try:
    bluch
except NameError as e:
    print(repr(e.name))
print(NameError("x").name, AttributeError("y").name, AttributeError("y").obj)
class B:
    def __getattr__(self, attr):
        raise AttributeError("nope", name="given", obj=1)
try:
    B().zzz
except AttributeError as e:
    print(e.name, e.obj)
A().bluch
