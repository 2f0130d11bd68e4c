print(hash(1) == hash(1.0), hash(0) == hash(False), hash(-1) == -2)
print(hash(12345), hash(2 ** 20), hash(-7))
print(hash("abc") == hash("ab" + "c"), hash((1, 2)) == hash((1, 2)))
print(hash(None) == hash(None))
for bad in ([], {}, set()):
    try:
        hash(bad)
    except TypeError as e:
        print(e)
class H:
    def __hash__(self):
        return 99
print(hash(H()))
class BadHash:
    def __hash__(self):
        return "no"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
