import gc
target = []
holder = [target]
other = {"t": target}
refs = gc.get_referrers(target)
print(any(r is holder for r in refs), any(r is other for r in refs))
print(any(r is [] for r in refs))
