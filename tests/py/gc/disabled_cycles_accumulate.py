import gc

freed = []
class Node:
    def __init__(self, n):
        self.n = n
        self.me = self
    def __del__(self):
        freed.append(self.n)

gc.collect()
gc.disable()
for i in range(3000):
    Node(i)
print(len(freed))
n = gc.collect()
print(n >= 3000, len(freed))
gc.enable()
