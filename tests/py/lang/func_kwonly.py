def f(a, *, key, flag=False):
    return a, key, flag

print(f(1, key=2))
print(f(1, flag=True, key=3))
try:
    f(1, 2)
except TypeError as e:
    print(e)
try:
    f(1)
except TypeError as e:
    print(e)

def g(*args, sep=" "):
    return sep.join(args)

print(g("a", "b", "c"))
print(g("a", "b", sep="-"))
