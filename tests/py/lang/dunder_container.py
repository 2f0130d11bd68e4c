class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
    def __len__(self):
        return len(self.cells)

g = Grid()
g[0, 0] = "x"
g[1, 2] = "o"
print(g[0, 0], g[1, 2], g[5, 5])
print((1, 2) in g, (5, 5) in g, len(g))
del g[0, 0]
print(len(g), (0, 0) in g)

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10

print(list(Seq()), 20 in Seq(), 25 in Seq())
for x in Seq():
    print(x, end=" ")
print()
