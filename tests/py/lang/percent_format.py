print("%s and %r" % ("str", "repr"))
print("%d items, %5.2f%%" % (3, 45.678))
print("%-5s|%5s|" % ("ab", "cd"))
print("%x %X %o %e" % (255, 255, 8, 12345.678))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%03d|%+d|% d" % (7, 7, 7))
print("%c%c" % (72, "i"))
print("%s" % [1, 2])
print("%s" % (None,))
try:
    print("%d" % "x")
except TypeError as e:
    print(e)
try:
    print("%s %s" % ("one",))
except TypeError as e:
    print(e)
