# exec()/eval() of a code object with free variables: CPython 3.11's TypeErrors.
def f():
    x = 1
    def g():
        return x
    return g
for fn in (exec, eval):
    try:
        fn(f().__code__)
    except Exception as e:
        print(type(e).__name__, e)
def h():
    return 5
print(eval(h.__code__), exec(h.__code__))
