def pair():
    value = 0
    def get():
        return value
    def set(v):
        nonlocal value
        value = v
    return get, set

get, set_ = pair()
print(get())
set_(42)
print(get())

def outer():
    x = 1
    def middle():
        def inner():
            return x
        return inner
    x = 2
    return middle()()

print(outer())
