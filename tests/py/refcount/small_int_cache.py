# Seed 002's small-int cache: ints from -5 to 256 made at run time are the
# cached objects; others are new objects each time.
a = int("256")
b = int("256")
print(a is b)
c = int("257")
d = int("257")
print(c is d, c == d)
e = int("-5")
f = int("-5")
print(e is f)
g = int("-6")
h = int("-6")
print(g is h)
print(sum([100, 156]) is int("256"), sum([100, 157]) is int("257"))
x = 10
y = 5 + 5
print(x is y)
