# Plain interpreter work: loops, integer and float arithmetic, dict
# updates. argv[1] scales the loop count.
import sys


def main(n):
    counts = {}
    acc = 0
    x = 0.5
    for i in range(n):
        acc = (acc + i * 7) % 1000003
        x = x * 1.0000001 + 0.5 / (i + 1)
        key = i % 97
        counts[key] = counts.get(key, 0) + 1
    return acc, round(x, 3), len(counts), counts[5]


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
print(main(int(1000000 * scale)))
