import sys

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

d = depth(0)
print(d > 500, d < sys.getrecursionlimit())
print(sys.getrecursionlimit())

def bad():
    return bad()

try:
    bad()
except RecursionError as e:
    print(type(e).__name__, e)
