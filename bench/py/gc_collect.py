# pyperformance's gc_collect shape: 100 rings of 21 instances, dropped,
# then gc.collect(). argv[1] scales the number of rounds.
import gc
import sys


class Node:
    def __init__(self):
        self.next = None
        self.prev = None


def make_rings(rings, size):
    for _ in range(rings):
        first = prev = Node()
        for _ in range(size - 1):
            node = Node()
            node.prev = prev
            prev.next = node
            prev = node
        prev.next = first
        first.prev = prev


def main(rounds):
    gc.disable()
    found = 0
    for _ in range(rounds):
        make_rings(100, 21)
        found += gc.collect()
    gc.enable()
    return found


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
print(main(int(100 * scale)))
