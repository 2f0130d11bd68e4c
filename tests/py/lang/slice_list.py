L = list(range(10))
print(L[2:5], L[:3], L[7:], L[-3:], L[:-7], L[::3], L[::-1], L[8:2:-2])
print(L[100:], L[-100:2], L[5:2], L[::-4])
print(L[slice(1, 4)], L[slice(None, None, 5)])
t = tuple(L)
print(t[1:3], type(t[1:3]).__name__)
try:
    L[::0]
except ValueError as e:
    print(e)
