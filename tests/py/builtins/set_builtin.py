print(set(), set([3, 1, 2]), set("aab"), set(range(3)), set({"k": 1}))
s = {1, 2}
s.add(3)
print(s, len(s))
try:
    set(5)
except TypeError as e:
    print(e)
try:
    {[1]}
except TypeError as e:
    print(e)
