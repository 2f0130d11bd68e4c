print(abs(-5), abs(3.5), abs(-0.0), abs(True))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(7.5, 2))
print(pow(2, 10), pow(2, -2), pow(2, 10, 1000), pow(-3, 3), pow(3, 4, 5))
print(pow(2.0, 3), 2 ** 0, 0 ** 0)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
try:
    abs("x")
except TypeError as e:
    print(e)
