# Seed 001: id() of the cached int 1, in decimal and hex (addresses differ
# from run to run: normalised).
# sub: ^\d+$ => ID
a = 1
print(id(a))
print(hex(id(a)))
