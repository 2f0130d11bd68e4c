class A:
    @classmethod
    def create(cls):
        return "A.create for " + cls.__name__

class B(A):
    @classmethod
    def create(cls):
        return "B then " + super().create()

print(B.create())
print(B().create())

class S:
    def __repr__(self):
        return "S-repr"

class T(S):
    def __repr__(self):
        return "T<" + super().__repr__() + ">"

print(repr(T()))
