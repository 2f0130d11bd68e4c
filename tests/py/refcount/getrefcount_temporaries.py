import sys

class C:
    pass

print(sys.getrefcount(C()))
print(sys.getrefcount([1, 2]))
print(sys.getrefcount({}))
def make():
    return object()
print(sys.getrefcount(make()))
