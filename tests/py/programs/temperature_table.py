def c_to_f(c):
    return c * 9 / 5 + 32

print("%8s %8s" % ("Celsius", "Fahr"))
for c in range(-20, 41, 10):
    print("%8d %8.1f" % (c, c_to_f(c)))
readings = [21.5, 23.0, 19.8, 25.1, 22.4]
avg = sum(readings) / len(readings)
print(f"avg {avg:.2f}, max {max(readings)}, min {min(readings)}")
print([r for r in readings if r > avg])
