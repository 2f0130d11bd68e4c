values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None, True, False, range(0), range(1)]
print([bool(v) for v in values])
print(not [], not [1])
if 0 or "" or None:
    print("never")
else:
    print("all falsy")
