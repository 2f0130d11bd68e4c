g = globals()
print(type(g).__name__, g["__name__"])
x = 5
print(g["x"])
def f(a):
    b = a * 2
    return locals()
print(f(3))
class C:
    def __init__(self):
        self.p = 1
print(vars(C()))
try:
    vars(1)
except TypeError as e:
    print(e)
