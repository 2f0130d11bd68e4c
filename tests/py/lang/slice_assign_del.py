L = list(range(8))
L[2:4] = ["a", "b", "c"]
print(L)
L[:2] = []
print(L)
L[::2] = [0] * 4
print(L)
try:
    L[::2] = [1]
except ValueError as e:
    print(e)
del L[1:3]
print(L)
del L[::2]
print(L)
L[len(L):] = [9, 9]
print(L)
L[1:1] = "xy"
print(L)
