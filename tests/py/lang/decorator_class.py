def register(cls):
    registry.append(cls.__name__)
    return cls

registry = []

@register
class A:
    pass

@register
class B:
    pass

print(registry)

class CountCalls:
    def __init__(self, func):
        self.func = func
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.func(*args)

@CountCalls
def square(x):
    return x * x

print(square(3), square(4), square.calls)
