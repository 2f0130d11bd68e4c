import sys

class Node:
    def __init__(self):
        self.children = []

n = Node()
print(sys.getrefcount(n))
m = Node()
m.children.append(n)
print(sys.getrefcount(n))
n.children.append(m)
print(sys.getrefcount(n), sys.getrefcount(m))
n.children.clear()
m.children.clear()
print(sys.getrefcount(n), sys.getrefcount(m))
