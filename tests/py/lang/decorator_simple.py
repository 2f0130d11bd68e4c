def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper()
    return wrapper

@shout
def hello(name):
    return "hello " + name

print(hello("bob"))
print(hello.__name__)

def trace(func):
    def wrapper(*args):
        print("calling", func.__name__, args)
        result = func(*args)
        print("returned", result)
        return result
    return wrapper

@trace
def add(a, b):
    return a + b

add(2, 3)
