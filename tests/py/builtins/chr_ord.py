print(chr(65), chr(97), chr(8364), chr(0x1F600), ord("A"), ord("€"), ord("\n"))
print([ord(c) for c in "Hi!"])
print("".join(chr(c) for c in range(97, 102)))
try:
    ord("ab")
except TypeError as e:
    print(e)
try:
    chr(-1)
except ValueError as e:
    print(e)
try:
    ord("")
except TypeError as e:
    print(e)
