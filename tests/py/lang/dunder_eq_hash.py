class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return "Key(%r)" % self.k

d = {Key(1): "one", Key("a"): "A"}
print(d[Key(1)], d[Key("a")])
print(Key(1) in {Key(1), Key(2)})
print(len({Key(1), Key(1), Key(2)}))
print(Key(1) == Key(1), Key(1) != Key(1), Key(1) == 1)
print([Key(1), Key(2)].index(Key(2)))
print([Key(3)].count(Key(3)))

class NoHash:
    def __eq__(self, other):
        return True

print(NoHash.__hash__)
try:
    {NoHash()}
except TypeError as e:
    print(e)
