try:
    try:
        raise KeyError("first")
    except KeyError:
        raise TypeError("second")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)

try:
    try:
        raise ValueError("inner")
    finally:
        pass
except ValueError as e:
    print(e.__context__)
