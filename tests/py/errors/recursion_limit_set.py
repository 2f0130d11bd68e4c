import sys
sys.setrecursionlimit(100)

def down(n):
    return down(n + 1) if n < 1000 else n

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
print(down(900))
