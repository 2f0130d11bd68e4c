class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            print("created")
        return cls._instance
    def __init__(self, value):
        print("init", value)
        self.value = value

a = Singleton(1)
b = Singleton(2)
print(a is b, a.value)

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())

u = Upper("hi")
print(u, type(u).__name__, isinstance(u, str), u + "!")

class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")

print(NotMine())
