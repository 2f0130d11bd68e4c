def worker():
    try:
        while True:
            yield "working"
    except GeneratorExit:
        print("closing")
        raise
    finally:
        print("cleanup")

w = worker()
print(next(w))
w.close()
print("closed")

def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)

c = catcher()
next(c)
c.throw(ValueError("first"))
c.throw(ValueError("second"))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
try:
    next(c)
except StopIteration:
    print("finished")
