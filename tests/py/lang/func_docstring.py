def documented():
    """First line.

    More text.
    """

def undocumented():
    x = 1

print(repr(documented.__doc__))
print(undocumented.__doc__)

class K:
    "Class doc."

print(K.__doc__)
