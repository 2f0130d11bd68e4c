import copy

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(s, d, s[1] is a[1], d[1] is a[1])

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

p = Point([1], 2)
q = copy.copy(p)
r = copy.deepcopy(p)
p.x.append(7)
print(q, r, type(r).__name__, q is p)

cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc)
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is not shared)
t = (1, 2, "x")
print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy((1, [2]))[1] is not None)

class Custom:
    def __init__(self):
        self.v = 1
    def __copy__(self):
        print("__copy__ called")
        return Custom()
    def __deepcopy__(self, memo):
        print("__deepcopy__ called")
        return Custom()

copy.copy(Custom())
copy.deepcopy(Custom())
print(copy.copy({1, 2}), copy.deepcopy({"a": (1, [2])}), copy.copy(5), copy.deepcopy("s"))
