print(format(3.14159, ".2f"), format(42, "05d"), format("s", ">4"), format(255, "x"))
print(format(1234.5, ","), format(0.5, "%"), format(True), format(None))
print(format(12, "b"), format(-1, "+"), format(3, "^7"))
try:
    format(1, "z")
except ValueError as e:
    print(e)
