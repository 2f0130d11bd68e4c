def f():
    v = [1]
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)

print(f())
g = "global"
def h():
    global g
    del g

h()
print("g" in globals())
