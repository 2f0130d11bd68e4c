class Dog:
    kind = "canine"

    def __init__(self, name):
        self.name = name
        self.tricks = []

    def add_trick(self, trick):
        self.tricks.append(trick)
        return self

d = Dog("Fido")
e = Dog("Buddy")
d.add_trick("roll over").add_trick("play dead")
print(d.name, d.kind, d.tricks)
print(e.name, e.kind, e.tricks)
print(type(d).__name__, isinstance(d, Dog))
print(Dog.__name__, Dog.kind)
