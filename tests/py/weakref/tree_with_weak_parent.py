# Seed 003's advice: a parent link held weakly breaks the cycle, so the
# tree is freed by reference counting alone.
import gc
import weakref

class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self._parent = weakref.ref(parent) if parent else None
        self.children = []
        if parent:
            parent.children.append(self)
    @property
    def parent(self):
        return self._parent() if self._parent else None
    def __del__(self):
        print("freed", self.name)

gc.disable()
root = Node("root")
child = Node("child", root)
print(child.parent.name)
del child
print("child still held by root")
del root
print("freed without the collector")
gc.enable()
