x = 10

def f():
    print(x)
    x = 5

try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)

def g():
    del y
    y = 1

try:
    g()
except NameError as e:
    print(type(e).__name__, e)

try:
    undefined_name
except NameError as e:
    print(e)
