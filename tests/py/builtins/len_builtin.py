print(len(""), len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(range(0, 10, 3)))
print(len(frozenset("aabbc")), len("中文"))
for bad in (5, None, len):
    try:
        len(bad)
    except TypeError as e:
        print(e)
