def append(x, into=[]):
    into.append(x)
    return into

print(append(1))
print(append(2))
print(append(3, []))
print(append(4))

def safe(x, into=None):
    if into is None:
        into = []
    into.append(x)
    return into

print(safe(1), safe(2))
