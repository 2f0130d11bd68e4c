import sys

def fail():
    raise RuntimeError("x")

try:
    fail()
except RuntimeError as e:
    tb = e.__traceback__
    print(tb is not None, type(tb).__name__)
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
    t, v, tb2 = sys.exc_info()
    print(t is RuntimeError, v is e, tb2 is e.__traceback__)
print(sys.exc_info())
