class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)

l = Logged()
print(l.a, l.secret)
try:
    l.nothing
except AttributeError as e:
    print(e)

class Counting:
    def __init__(self):
        object.__setattr__(self, "hits", 0)
    def __getattribute__(self, name):
        d = object.__getattribute__(self, "__dict__")
        d["hits"] += 1
        return object.__getattribute__(self, name)

c = Counting()
c.hits
c.hits
print(object.__getattribute__(c, "hits"))
