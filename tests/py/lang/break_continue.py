out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
print(out)

i = 0
res = []
while i < 10:
    i += 1
    if i == 3:
        continue
    if i == 7:
        break
    res.append(i)
print(res)

for a in range(3):
    for b in range(3):
        if b == 1:
            break
        print(a, b)
