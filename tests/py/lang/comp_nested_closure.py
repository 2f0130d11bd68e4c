def make():
    base = 100
    return [(lambda y: base + y + k) for k in range(3)]

print([f(1) for f in make()])
funcs = {name: (lambda n=name: n.upper()) for name in ["x", "y"]}
print(sorted((k, f()) for k, f in funcs.items()))
