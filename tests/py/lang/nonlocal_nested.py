def a():
    x = "a"
    def b():
        def c():
            nonlocal x
            x = "c"
        c()
        return x
    r = b()
    return r, x

print(a())

def counter_pair():
    n = 0
    def inc():
        nonlocal n
        n += 1
    def dec():
        nonlocal n
        n -= 1
    def get():
        return n
    return inc, dec, get

inc, dec, get = counter_pair()
inc(); inc(); dec(); inc()
print(get())
