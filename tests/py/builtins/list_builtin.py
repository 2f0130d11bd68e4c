print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1}))
print(list({3, 1, 2}) == sorted({3, 1, 2}))
try:
    list(5)
except TypeError as e:
    print(e)
