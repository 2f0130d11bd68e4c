n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
i = 0
while i < 3:
    j = 0
    while j < i:
        print(i, j)
        j += 1
    i += 1
