counter = 0
def bump():
    global counter
    counter = counter + 1
    return counter

for _ in range(3):
    bump()
print(counter)
print(globals()["counter"])
globals()["injected"] = "via globals()"
print(injected)
def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())
print(show_locals(1))
