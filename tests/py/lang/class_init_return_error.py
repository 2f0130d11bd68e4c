class Bad:
    def __init__(self):
        return 1

try:
    Bad()
except TypeError as e:
    print(e)

class Args:
    def __init__(self, a):
        self.a = a

try:
    Args()
except TypeError as e:
    print(e)
try:
    Args(1, 2)
except TypeError as e:
    print(e)
try:
    object(1)
except TypeError as e:
    print(e)
