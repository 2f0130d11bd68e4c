class Idx:
    def __init__(self, i):
        self.i = i
    def __index__(self):
        return self.i

lst = ["a", "b", "c", "d"]
print(lst[Idx(1)], lst[Idx(1):Idx(3)])
print(hex(Idx(255)), bin(Idx(5)), oct(Idx(8)))
print(range(10)[Idx(2)], "xyz" * Idx(2))
try:
    lst[1.5]
except TypeError as e:
    print(e)
