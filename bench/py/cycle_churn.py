# Cycle churn with the collector on its default thresholds: short-lived
# pairs of instances referring to each other, found by automatic
# collections. argv[1] scales the number of pairs.
import gc
import sys


class Pair:
    def __init__(self, n):
        self.n = n
        self.other = None


def main(count):
    total = 0
    for i in range(count):
        a = Pair(i)
        b = Pair(i + 1)
        a.other = b
        b.other = a
        total += a.n + b.n
    gc.collect()
    return total


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
print(main(int(300000 * scale)))
