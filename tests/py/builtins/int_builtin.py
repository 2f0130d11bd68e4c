print(int(), int(7), int("42"), int(" 12 "), int(True), int(-0.5), int("-0"))
print(int("10", 2), int("10", 8), int("10", 16), int("10", 36), int("Z", 36))
for bad in ("4.5", "", "0x10", "1 2", "abc"):
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int("10", 1)
except ValueError as e:
    print(e)
try:
    int([])
except TypeError as e:
    print(e)
print((255).bit_length(), (-1).bit_length(), (10).as_integer_ratio(), (5).real, (5).imag)
print((7).numerator, (7).denominator, (3).conjugate())
