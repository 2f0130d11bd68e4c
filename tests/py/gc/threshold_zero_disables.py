import gc
freed = []
class Node:
    def __init__(self):
        self.me = self
    def __del__(self):
        freed.append(1)
gc.collect()
gc.set_threshold(0)
for i in range(2000):
    Node()
print(len(freed))
print(gc.collect() >= 2000, len(freed))
gc.set_threshold(700, 10, 10)
