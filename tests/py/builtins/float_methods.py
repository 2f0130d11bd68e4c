x = 2.5
print(x.is_integer(), (3.0).is_integer(), x.as_integer_ratio(), (0.1).as_integer_ratio())
print(x.real, x.imag, x.conjugate(), x.__int__(), x.__float__(), x.__round__(), x.__round__(1))
print(float.__add__(1.0, 2.0), (7.5).__floordiv__(2), (7.5).__mod__(2), (2.0).__pow__(0.5))
print(1e300 * 1e10, -1e300 * 1e10, (1e300 * 1e10) - (1e300 * 1e10))
print(round(1e16 + 1), 10 ** 16 + 1 == 1e16 + 1, 0.1 * 3, 1 / 3 * 3)
print(float("1e-320"), 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308)
print(float(7) / 2, 7 // 2.0, -7 // 2.0, 7 % -2.0, divmod(-7.5, 2))
