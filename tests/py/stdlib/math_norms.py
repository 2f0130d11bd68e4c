# math.hypot and math.dist give CPython's exact bits (its vector norm:
# scaled, exactly squared, compensated sum, corrected square root);
# math.ulp, cbrt and exp2 (new in 3.11).
import math
import random

random.seed(5)
for k in range(300):
    n = random.randint(0, 6)
    v = [
        random.choice(
            [
                random.uniform(-1e3, 1e3),
                random.random() * 10 ** random.randint(-320, 300),
                random.randint(-10, 10),
            ]
        )
        for _ in range(n)
    ]
    w = [random.uniform(-5, 5) for _ in range(n)]
    print(math.hypot(*v).hex(), math.dist(v, w).hex())
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 1))
print(math.hypot(float("inf"), float("nan")), math.hypot(float("nan"), 1))
print(math.hypot(1e-320, 1e-320), math.hypot(1e308, 1e308))
print(math.dist((1, 2), (4, 6)), math.dist(iter([0, 0, 0]), [1, 2, 2]))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(-1e308), math.ulp(float("inf")))
print(math.ulp(1.7976931348623157e308), math.ulp(float("nan")))
print(math.cbrt(27), math.cbrt(-8), math.cbrt(2), math.exp2(10), math.exp2(0.5))
for f in (
    lambda: math.dist([1], [1, 2]),
    lambda: math.dist(1, 2),
    lambda: math.exp2(2000),
    lambda: math.hypot("x"),
    lambda: math.dist([1], ["a"]),
    lambda: math.ulp("x"),
    lambda: math.dist([1]),
    lambda: math.hypot(x=1),
):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
