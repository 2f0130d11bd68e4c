import weakref

class Fn:
    def __call__(self, x):
        return x * 2

f = Fn()
p = weakref.proxy(f)
print(p(21), type(p).__name__, callable(p))
