def greet(name):
    return "hello " + name

def nothing():
    pass

print(greet("world"))
print(nothing())
print(greet.__name__)
