class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)

a = Noisy("a")
b = a
del a
print("a deleted, b still holds it")
del b
print("after del b")

def scope():
    x = Noisy("local")
    print("leaving scope")

scope()
print("after scope")
c = Noisy("c")
c = Noisy("d")
print("rebound")
lst = [Noisy("in list")]
lst.pop()
print("popped")
