# str.format and format_map reach attributes of builtin values too:
# "{0.real}", "{x.__class__.__name__}", "{d.keys}" ...


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


t(1, lambda: "{0.real}".format(3))
t(2, lambda: "{0.imag}".format(2.5))
t(3, lambda: "{0.__class__.__name__}".format(3))
t(4, lambda: "{x.__class__.__name__}".format(x=[1]))
t(5, lambda: "{0.start}-{0.stop}".format(range(2, 9)))
t(6, lambda: "{a.real}".format_map({"a": 7}))
t(7, lambda: "{0.nope}".format(1))
t(8, lambda: "{0.upper.__name__}".format("s"))
t(9, lambda: "{0.__len__.__qualname__}".format([]))
t(10, lambda: "{0.denominator:>4}|".format(True))
t(11, lambda: "{0[0].real!r}".format([1.5]))
t(13, lambda: "{0.nope}".format(None))
