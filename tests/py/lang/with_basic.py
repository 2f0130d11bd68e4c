class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("acquire", self.name)
        return self
    def __exit__(self, *exc):
        print("release", self.name, exc[0] is not None)
        return False

with Resource("r1") as r:
    print("using", r.name)

with Resource("a") as a, Resource("b") as b:
    print("both", a.name, b.name)

try:
    with Resource("err"):
        raise ValueError("inside")
except ValueError:
    print("handled outside")

def early():
    with Resource("ret"):
        return "returned"

print(early())
for i in range(2):
    with Resource("loop%d" % i):
        if i == 0:
            continue
        break
