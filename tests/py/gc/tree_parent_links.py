# A tree with parent back-links: all cycles, freed only by the collector.
import gc

class TreeNode:
    count = 0
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        TreeNode.count += 1
        if parent:
            parent.children.append(self)
    def __del__(self):
        TreeNode.count -= 1

gc.collect()
root = TreeNode()
for i in range(5):
    child = TreeNode(root)
    for j in range(3):
        TreeNode(child)
print(TreeNode.count)
del root, child
print(TreeNode.count)
gc.collect()
print(TreeNode.count)
