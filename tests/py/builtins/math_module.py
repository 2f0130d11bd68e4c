import math
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.fabs(-3))
print(math.pi, math.e, math.tau, math.inf, math.isnan(math.nan))
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(10), math.comb(5, 2), math.perm(5, 2))
print(math.pow(2, 3), math.exp(0), math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000))
print(round(math.sin(math.pi / 2), 10), math.cos(0), round(math.atan2(1, 1), 6), math.hypot(3, 4))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.isclose(0.1 + 0.2, 0.3), math.copysign(1, -0.0))
print(math.isinf(math.inf), math.isfinite(1.0), math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]), math.fmod(7, 3))
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    math.log(0)
except ValueError as e:
    print(e)
try:
    math.factorial(-1)
except ValueError as e:
    print(e)
