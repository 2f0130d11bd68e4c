# Seed 001: del on a list element.
a = [1,2,3]
del a[0]
print(a)
