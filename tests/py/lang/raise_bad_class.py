# raise with a class whose construction does not give an exception
# instance, and raising things that are not exceptions at all.
class Odd(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


class Number(Exception):
    def __new__(cls, *args):
        return 42


for thing in (Odd, Number, 5, "text", int, None):
    try:
        raise thing
    except TypeError as exc:
        print(exc)

try:
    raise ValueError from 7
except TypeError as exc:
    print(exc)
