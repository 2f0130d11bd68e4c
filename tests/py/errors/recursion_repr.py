class Loop:
    def __repr__(self):
        return repr(self)

try:
    repr(Loop())
except RecursionError as e:
    print("RecursionError in __repr__:", e)
