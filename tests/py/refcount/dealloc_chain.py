class Link:
    def __init__(self, n, nxt):
        self.n = n
        self.nxt = nxt
    def __del__(self):
        print("free", self.n)

head = None
for i in range(4):
    head = Link(i, head)
print("built")
del head
print("chain freed")
