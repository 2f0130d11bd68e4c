def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("one")
    if n == 2:
        return [][1]
    return "fine"

for n in range(4):
    try:
        print(risky(n))
    except ValueError as e:
        print("ValueError:", e)
    except (KeyError, IndexError) as e:
        print(type(e).__name__, e)
