L = [3, 1, 4]
L.append(1)
L.extend([5, 9])
L.insert(0, 2)
L.insert(100, 6)
L.insert(-1, 7)
print(L)
print(L.pop(), L.pop(0), L)
L.remove(1)
print(L, L.index(4), L.count(1), L.index(1, 2))
L.reverse()
print(L)
L.sort()
print(L)
L2 = L.copy()
L.clear()
print(L, L2)
for call in (lambda: L.pop(), lambda: L2.remove(99), lambda: L2.index(99), lambda: L2.pop(99)):
    try:
        call()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
