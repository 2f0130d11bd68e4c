for n in range(-1, 2):
    print("pos" if n > 0 else "zero" if n == 0 else "neg")
x = None
print(x if x is not None else "default")
print([i if i % 2 else -i for i in range(5)])
