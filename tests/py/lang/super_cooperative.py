class Root:
    def hello(self):
        return ["Root"]

class A(Root):
    def hello(self):
        return ["A"] + super().hello()

class B(Root):
    def hello(self):
        return ["B"] + super().hello()

class C(A, B):
    def hello(self):
        return ["C"] + super().hello()

print(C().hello())
print([k.__name__ for k in C.__mro__])

class Init:
    def __init__(self, **kw):
        self.rest = kw

class P(Init):
    def __init__(self, p=None, **kw):
        self.p = p
        super().__init__(**kw)

class Q(Init):
    def __init__(self, q=None, **kw):
        self.q = q
        super().__init__(**kw)

class PQ(P, Q):
    pass

o = PQ(p=1, q=2, r=3)
print(o.p, o.q, o.rest)
