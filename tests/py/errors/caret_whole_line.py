def f():
    raise ValueError("the whole line is the expression")

f()
