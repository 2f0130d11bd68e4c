# Seed 001: two names bound to 1 are one object.
# sub: ^\d+$ => ID
a = 1
b = 1
print(id(a))
print(id(b))
print(id(a) == id(b))
