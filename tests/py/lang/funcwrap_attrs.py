# staticmethod/classmethod objects show the wrapped function's
# __module__, __name__, __qualname__, __doc__ and __annotations__, and
# __func__/__wrapped__; attributes set on them live in their own __dict__.
def func(x):
    "Documented."
    return x


for kind in (staticmethod, classmethod):
    wrapper = kind(func)
    print(kind.__name__, wrapper.__func__ is func, wrapper.__wrapped__ is func,
          wrapper.__name__, wrapper.__qualname__, wrapper.__module__,
          wrapper.__doc__, wrapper.__annotations__)
    wrapper.tag = kind.__name__
    print(wrapper.tag, wrapper.__dict__)
print(staticmethod(func)(5))
try:
    classmethod(func)(5)
except TypeError as exc:
    print(exc)


class Holder:
    @classmethod
    def method(cls):
        "old text"


Holder.__dict__["method"].__doc__ = "new text"
print(Holder.method.__doc__, Holder.__dict__["method"].__doc__)
