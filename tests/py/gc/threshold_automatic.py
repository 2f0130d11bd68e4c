# With a small first threshold, cycles are found without gc.collect().
import gc

freed = []

class Node:
    def __init__(self, n):
        self.n = n
        self.me = self
    def __del__(self):
        freed.append(self.n)

gc.collect()
gc.set_threshold(10, 10, 10)
for i in range(100):
    Node(i)
print(len(freed) > 50)
gc.collect()
print(sorted(freed) == list(range(100)))
gc.set_threshold(700, 10, 10)
