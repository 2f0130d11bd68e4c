print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 3, 7 ** 2)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(2 ** 100)
print(2 ** -1)
print(10 ** 20 // 3, 10 ** 20 % 7)
print(-2 ** 2, (-2) ** 2)
print(1_000_000 + 0x10 + 0o10 + 0b10)
print(abs(-12345678901234567890))
print(123456789 * 987654321)
print((1 << 70) >> 65, 5 & 3, 5 | 3, 5 ^ 3, ~5)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1 // 0
except ZeroDivisionError as e:
    print(e)
try:
    1 % 0
except ZeroDivisionError as e:
    print(e)
