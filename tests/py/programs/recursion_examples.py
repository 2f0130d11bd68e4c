def flatten(nested):
    out = []
    for x in nested:
        if isinstance(x, (list, tuple)):
            out.extend(flatten(x))
        else:
            out.append(x)
    return out

def permutations(items):
    if len(items) <= 1:
        return [items]
    result = []
    for i, x in enumerate(items):
        for p in permutations(items[:i] + items[i + 1:]):
            result.append([x] + p)
    return result

def power_set(items):
    if not items:
        return [[]]
    rest = power_set(items[1:])
    return rest + [[items[0]] + r for r in rest]

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

print(flatten([1, [2, (3, [4])], [], 5]))
print(permutations([1, 2, 3]))
print(sorted(power_set([1, 2, 3])))
print(gcd(1071, 462), gcd(17, 5))
