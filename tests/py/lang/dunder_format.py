class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "usd":
            return "$%.2f" % self.v
        return format(self.v, spec)

m = Money(3.5)
print(format(m, "usd"), f"{m:usd}", "{:usd}".format(m), f"{m:>8.1f}")

class Plain:
    def __str__(self):
        return "plain"

print(format(Plain()), f"{Plain()}", "{}".format(Plain()))
try:
    format(Plain(), "x")
except TypeError as e:
    print(e)
