class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)

def scope():
    t = Tracked("local")
    print("in scope")

scope()
print("after scope")
a = Tracked("a")
L = [a]
del a
print("a deleted, list holds it")
L.pop()
print("popped")
d = {"k": Tracked("value")}
d["k"] = None
print("replaced")
x = Tracked("x")
x = Tracked("y")
print("rebound")
del x
print("end")
