print(float(), float(3), float("1.5"), float(" -2.25 "), float("1e3"), float("inf"), float("-inf"))
print(float("nan") != float("nan"), float(True), float("1_000.5"))
try:
    float("abc")
except ValueError as e:
    print(e)
try:
    float([])
except TypeError as e:
    print(e)
print((0.5).is_integer(), (2.0).is_integer(), (0.75).as_integer_ratio())
print(int(3.9), int(-3.9), int(1e20))
try:
    int(float("inf"))
except OverflowError as e:
    print(e)
try:
    int(float("nan"))
except ValueError as e:
    print(e)
