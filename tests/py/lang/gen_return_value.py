def g():
    yield 1
    return "done"

def delegator():
    result = yield from g()
    print("sub returned", result)
    yield 2

print(list(delegator()))
