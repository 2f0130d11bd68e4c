print(0.1 + 0.2)
print(1 / 3)
print(2.5 * 4, 7.0 // 2, 7.5 % 2, -7.5 // 2)
print(1e10, 1e16, 1e-5, 1.5e-7, 123456789012345678.0)
print(float("inf"), -float("inf"), float("nan"))
print(3.0, 3.14, -0.0, 100.0)
print(2 ** 0.5)
print(1.0 == 1, 0.1 + 0.2 == 0.3)
print(round(2.675, 2), round(0.5), round(1.5), round(2.5))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
print(float(10 ** 20))
print(5 / 2 == 2.5, 10 / 5)
