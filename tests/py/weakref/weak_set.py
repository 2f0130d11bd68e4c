import weakref

class Item:
    pass

s = weakref.WeakSet()
items = [Item() for _ in range(3)]
for it in items:
    s.add(it)
del it
print(len(s), items[0] in s)
del items[0]
print(len(s))
items.clear()
print(len(s), list(s))
