class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)

r = Res("one")
print("before del")
del r
print("after del")
L = [Res("in list")]
L = None
print("after list dropped")
def f():
    Res("temporary")
    print("temporary is gone before this line")
f()
