x = "global"

def outer():
    x = "outer"
    def inner():
        global x
        x = "changed"
        return x
    inner()
    return x

print(outer())
print(x)
