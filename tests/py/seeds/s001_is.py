# Seed 001: `is` on small ints, short and long strings, lists. In a script
# the two long strings are one constant of one code unit, so CPython 3.11
# prints True where the seed's interactive session printed False.
# True
a = 1
b = 1
print(a is b)

# True
a = "good"
b = "good"
print(a is b)

# False
a = "very good morning"
b = "very good morning"
print(a is b)

# False
a = []
b = []
print(a is b)
