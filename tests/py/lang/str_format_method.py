print("{} {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Bob", age=5))
print("{0[0]} {0[1]}".format(["first", "second"]))
print("{d[key]}".format(d={"key": "val"}))
print("{:>6}|{:<6}|{:^6}".format("a", "b", "c"))
print("{:.3}".format("truncate"))
print("{!r}".format("q"))
print("{{}} {}".format("braces"))

class P:
    x = 7
print("{.x}".format(P()))
try:
    "{} {}".format(1)
except IndexError as e:
    print(e)
try:
    "{missing}".format()
except KeyError as e:
    print(repr(e))
