def outer(x):
    def inner(y):
        return x + y
    return inner(10)

print(outer(5))

def make():
    def helper():
        return "helper"
    return helper

h = make()
print(h(), h.__name__, h.__qualname__)
