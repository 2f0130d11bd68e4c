print((1.5).hex(), float.fromhex("0x1.8p+1"), (-0.0).hex(), (0.1).hex())
print(float.fromhex("-0x1p-2"), float.fromhex("inf"), (1e308).hex())
