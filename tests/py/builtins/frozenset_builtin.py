fs = frozenset([3, 1, 2, 3])
print(fs, len(fs), 2 in fs, frozenset())
print(fs | {5}, fs & {1, 9}, fs - {1}, type(fs | {5}).__name__)
d = {fs: "frozen key"}
print(d[frozenset([1, 2, 3])])
try:
    fs.add(4)
except AttributeError as e:
    print(e)
print(frozenset("aab") == frozenset("ab"), hash(frozenset([1])) == hash(frozenset([1])))
