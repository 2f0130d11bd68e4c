s = "abc"
print(s * 3, 3 * "-", s + "def", "b" in s, "" in s, s < "abd", s == "abc")
print(list(s), tuple(s), sorted("cba"), min(s), max(s))
print("x".join(reversed("abc")))
print(str(12).zfill(4), "%s|%s" % ("a", "b"))
print("a" * 0 == "", "a" * -1 == "")
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    "a" * "b"
except TypeError as e:
    print(e)
print("é".encode is not None)
