class A:
    pass

class B(A):
    def f(self):
        return super().missing()

try:
    B().f()
except AttributeError as e:
    print(e)

try:
    super(B, 1)
except TypeError as e:
    print(e)
