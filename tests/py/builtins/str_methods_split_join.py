print("a,b,,c".split(","), "a b  c ".split(), "  x  ".split(), "".split(), "".split(","))
print("a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), "a b c".rsplit(None, 1))
print("line1\nline2\r\nline3\n".splitlines(), "x\ny".splitlines(True))
print(", ".join(["a", "b"]), "".join([]), "-".join("abc"))
try:
    ",".join([1, 2])
except TypeError as e:
    print(e)
print("key=value=x".partition("="), "no sep".partition("="), "a.b.c".rpartition("."))
try:
    "a".split("")
except ValueError as e:
    print(e)
