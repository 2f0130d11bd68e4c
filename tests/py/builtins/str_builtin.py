print(str(), str(1), str(1.5), str([1, "a"]), str(None), str(True), str("s"))
class S:
    def __str__(self):
        return "S!"
class R:
    def __repr__(self):
        return "R?"
print(str(S()), str(R()), str([S()]))
class Bad:
    def __str__(self):
        return 5
try:
    str(Bad())
except TypeError as e:
    print(e)
