class K:
    count = 0
    @staticmethod
    def helper(a, b):
        return a + b
    @classmethod
    def make(cls):
        cls.count += 1
        return cls()

k = K()
print(k.helper(1, 2), K.helper(3, 4), type(k.make()).__name__, K.count)
sm = K.__dict__["helper"]
cm = K.__dict__["make"]
print(type(sm).__name__, type(cm).__name__, sm.__func__(5, 6), callable(sm))
print(K.make.__self__ is K, k.make.__self__ is K)
