class Name(str):
    def shout(self):
        return self.upper() + "!"

n = Name("bob")
print(n, n.shout(), len(n), n == "bob", isinstance(n, str))

class MyList(list):
    def total(self):
        return sum(self)

m = MyList([1, 2, 3])
m.append(4)
print(m, m.total(), len(m), type(m).__name__)

class MyDict(dict):
    pass

d = MyDict(a=1)
d["b"] = 2
print(sorted(d.items()), isinstance(d, dict))

class MyInt(int):
    def double(self):
        return self * 2

print(MyInt(21).double(), MyInt(5) + 1)
