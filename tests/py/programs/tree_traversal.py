class Tree:
    def __init__(self, value, left=None, right=None):
        self.value, self.left, self.right = value, left, right

    def insert(self, value):
        side = "left" if value < self.value else "right"
        child = getattr(self, side)
        if child is None:
            setattr(self, side, Tree(value))
        else:
            child.insert(value)

    def inorder(self):
        if self.left:
            yield from self.left.inorder()
        yield self.value
        if self.right:
            yield from self.right.inorder()

    def depth(self):
        return 1 + max(self.left.depth() if self.left else 0,
                       self.right.depth() if self.right else 0)

root = Tree(50)
for v in [30, 70, 20, 40, 60, 80, 35, 45, 65]:
    root.insert(v)
print(list(root.inorder()))
print(root.depth())

def bfs(tree):
    queue, order = [tree], []
    while queue:
        node = queue.pop(0)
        order.append(node.value)
        queue.extend(c for c in (node.left, node.right) if c)
    return order

print(bfs(root))
