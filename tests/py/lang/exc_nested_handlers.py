def level(n):
    try:
        if n == 0:
            raise IndexError("deep")
        level(n - 1)
    finally:
        print("unwinding", n)

try:
    level(3)
except IndexError as e:
    print("caught", e)

try:
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        except TypeError as inner:
            print("inner", inner, repr(inner.__context__))
        print("back in outer handler")
except Exception:
    print("never")
