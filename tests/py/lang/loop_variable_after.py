for i in range(5):
    pass
print(i)
for ch in "hey":
    last = ch
print(ch, last)
total = 0
for x in [1, 2, 3]:
    total += x
    x = 100
print(total, x)
