class Empty:
    def __len__(self):
        return 0

class Full:
    def __len__(self):
        return 3

class Falsy:
    def __bool__(self):
        return False

class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0

print(bool(Empty()), bool(Full()), bool(Falsy()), bool(Both()), len(Full()))
print("yes" if Full() else "no", "yes" if Empty() else "no")

class BadLen:
    def __len__(self):
        return -1

try:
    len(BadLen())
except ValueError as e:
    print(e)

class BadBool:
    def __bool__(self):
        return 1

try:
    bool(BadBool())
except TypeError as e:
    print(e)
