print(1 == 1.0, 2 != 2.0)
print("abc" < "abd", "Z" < "a", "" < "a")
print((1, 2) < (1, 2, 0), [3] > [2, 9])
print(None is None, None == None)
print(1 in [1, 2], 3 not in [1, 2], "b" in "abc", "x" not in "abc")
print({1: 2} == {1: 2}, {1, 2} == {2, 1})
try:
    print(1 < "a")
except TypeError as e:
    print(e)
try:
    print([1] < (1,))
except TypeError as e:
    print(e)
try:
    print(None < None)
except TypeError as e:
    print(e)
