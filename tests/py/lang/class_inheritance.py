class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return "%s says %s" % (self.name, self.speak())

class Cat(Animal):
    def speak(self):
        return "meow"

class Kitten(Cat):
    def speak(self):
        return Cat.speak(self) + "!"

for a in (Animal("generic"), Cat("Tom"), Kitten("Kit")):
    print(a.describe())
print(issubclass(Kitten, Animal), issubclass(Animal, Cat))
print(isinstance(Kitten("k"), Cat), Kitten.__bases__[0].__name__)
print([c.__name__ for c in Kitten.__mro__])
