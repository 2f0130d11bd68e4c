try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print(e)
try:
    raise object
except TypeError as e:
    print(e)

class NotAnException:
    pass

try:
    raise NotAnException()
except TypeError as e:
    print(e)
try:
    try:
        pass
    finally:
        raise ValueError("from finally")
except ValueError as e:
    print(e)
