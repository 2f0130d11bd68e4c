class DataError(Exception):
    pass

def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise DataError("could not load") from e

try:
    load()
except DataError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
    print(type(e.__context__).__name__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no cause") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
