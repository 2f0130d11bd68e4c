def deco(tag):
    def d(func):
        def w():
            return "<%s>%s</%s>" % (tag, func(), tag)
        return w
    return d

@deco("b")
@deco("i")
def text():
    return "hi"

print(text())

order = []
def mark(name):
    order.append("make " + name)
    def d(f):
        order.append("apply " + name)
        return f
    return d

@mark("outer")
@mark("inner")
def f():
    pass

print(order)
