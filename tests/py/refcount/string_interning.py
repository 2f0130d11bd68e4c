# Identity of strings: identifier-like constants are interned, equal
# constants in one code unit are one object, strings made at run time are
# new objects unless sys.intern gives the interned one.
import sys
a = "hello"
b = "hel" + "lo"
print(a is b)
c = "".join(["hel", "lo"])
print(c == a, c is a)
print(sys.intern(c) is a)
d = "hello world!"
e = "hello world!"
print(d is e)
f = "".join(["hello", " world!"])
print(f is d, sys.intern(f) is sys.intern(d))
def g():
    return "hello"
print(g() is a)
