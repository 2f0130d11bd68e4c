class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, t, v, tb):
        return t is not None and issubclass(t, self.types)

with Suppress(KeyError):
    {}["x"]
print("KeyError suppressed")
try:
    with Suppress(KeyError):
        [][0]
except IndexError:
    print("IndexError not suppressed")

class ExitArgs:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print(t.__name__, v, type(tb).__name__)
        return True

with ExitArgs():
    raise RuntimeError("seen by exit")
