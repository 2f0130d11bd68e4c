import sys
a = []
L = [a, a]
shallow = L.copy()
print(sys.getrefcount(a))
sl = L[:]
print(sys.getrefcount(a))
lst = list(L)
print(sys.getrefcount(a))
tup = tuple(L)
print(sys.getrefcount(a))
srt = sorted([a], key=id)
print(sys.getrefcount(a))
del shallow, sl, lst, tup, srt
print(sys.getrefcount(a))
