for i in range(3):
    pass
else:
    print("done", i)

for i in range(10):
    if i == 4:
        break
else:
    print("never")
print(i)

for x in []:
    print("never")
else:
    print("empty loop runs else")

primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
