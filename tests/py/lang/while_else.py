n = 0
while n < 3:
    n += 1
else:
    print("finished normally", n)

n = 0
while True:
    n += 1
    if n == 5:
        break
else:
    print("never")
print("broke at", n)

def find(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            break
        i += 1
    else:
        return -1
    return i

print(find([4, 5, 6], 6), find([4, 5, 6], 7))
