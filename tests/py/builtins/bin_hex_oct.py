print(bin(0), bin(5), bin(-5), bin(255))
print(hex(0), hex(255), hex(-255), hex(4096))
print(oct(0), oct(8), oct(-8), oct(511))
try:
    hex(1.5)
except TypeError as e:
    print(e)
print(int("ff", 16), int("0x1f", 16), int("777", 8), int("1010", 2), int("z", 36))
print(int("0b101", 0), int("0o17", 0), int("0x1F", 0), int("  42  "), int("-7"), int("1_000"))
