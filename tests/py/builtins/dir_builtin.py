class A:
    cls_attr = 1
    def method(self):
        pass

a = A()
a.inst = 2
print([n for n in dir(a) if not n.startswith("__")])
print([n for n in dir(A) if not n.startswith("__")])
def f():
    x = 1
    y = 2
    return dir()
print(f())
import math
print("sqrt" in dir(math), "pi" in dir(math))
print(dir() == sorted(dir()))
