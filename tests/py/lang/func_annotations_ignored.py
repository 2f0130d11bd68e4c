def f(x: int, y: "str" = "a") -> list:
    return [x, y]

print(f(1))
z: int = 5
print(z)
w: float
class P:
    a: int = 3
    b: str
print(P.a)
print(hasattr(P, 'b'))
