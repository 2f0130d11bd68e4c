funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])

funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])

def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]

print([f(10) for f in make_adders()])
