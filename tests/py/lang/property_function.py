class Temp:
    def __init__(self):
        self._c = 0
    def get_c(self):
        return self._c
    def set_c(self, v):
        self._c = v
    celsius = property(get_c, set_c, doc="degrees")
    fahrenheit = property(lambda self: self._c * 9 / 5 + 32)

t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
print(Temp.celsius.__doc__)
print(Temp.celsius.fget is Temp.get_c)
