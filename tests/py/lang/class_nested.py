class Outer:
    class Inner:
        def hello(self):
            return "inner"
    def make(self):
        return self.Inner()

print(Outer().make().hello())
print(Outer.Inner.__qualname__, Outer.Inner.__name__)
print(Outer.Inner)
