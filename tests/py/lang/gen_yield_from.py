def inner():
    yield "a"
    yield "b"

def outer():
    yield "start"
    yield from inner()
    yield from [1, 2]
    yield from range(3, 5)
    yield "end"

print(list(outer()))

def flatten(items):
    for x in items:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x

print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
