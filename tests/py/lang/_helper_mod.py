"""A module the import tests import."""
VALUE = 42
calls = []

def greet(name):
    calls.append(name)
    return "hello " + name

class Thing:
    def __repr__(self):
        return "Thing()"

_private = "underscore"
print("_helper_mod imported, __name__ =", __name__)
