s = "Hello, World"
print(s[0], s[-1], s[7:], s[:5], s[::2], s[::-1])
print(len(s), s * 2, s + "!")
print("World" in s, "world" in s)
print(s.lower(), s.upper())
print(s.split(", "))
print("-".join(["a", "b", "c"]))
print("  pad  ".strip() + "|")
try:
    s[0] = "h"
except TypeError as e:
    print(e)
try:
    s[100]
except IndexError as e:
    print(e)
