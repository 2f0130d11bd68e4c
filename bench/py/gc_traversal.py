# pyperformance's gc_traversal shape: many live objects (1,000 levels of
# nested lists, with instances at each level) that every full collection
# must traverse. argv[1] scales the number of collections.
import gc
import sys


class Leaf:
    def __init__(self, value):
        self.value = value


def build(levels, width):
    root = []
    node = root
    for level in range(levels):
        child = [Leaf(i) for i in range(width)]
        node.append(child)
        node = child
    return root


def main(collections):
    tree = build(1000, 100)
    found = 0
    for _ in range(collections):
        found += gc.collect()
    return found, len(tree)


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
print(main(int(30 * scale)))
