def f(a, b):
    return a + b

for call in (lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, c=2),
             lambda: f(1, a=2), lambda: f(), lambda: f(b=1)):
    try:
        call()
    except TypeError as e:
        print(e)

def g(a, b=1, *, c):
    pass

for call in (lambda: g(1), lambda: g(), lambda: g(1, 2, 3)):
    try:
        call()
    except TypeError as e:
        print(e)

def h():
    pass

try:
    h(1)
except TypeError as e:
    print(e)
try:
    h(x=1)
except TypeError as e:
    print(e)
