def outer():
    a = [1]
    def inner():
        return a
    return inner

f = outer()
print(f.__closure__[0].cell_contents)
print(f() is f.__closure__[0].cell_contents)
