# Method calls and attribute access on instances. argv[1] scales the
# number of calls.
import sys


class Counter:
    def __init__(self):
        self.count = 0
        self.step = 1

    def bump(self):
        self.count += self.step

    def value(self):
        return self.count


class Doubler(Counter):
    def bump(self):
        super().bump()
        self.count += self.step


def main(n):
    c = Counter()
    d = Doubler()
    for _ in range(n):
        c.bump()
        d.bump()
        if c.value() > d.value():
            break
    return c.value(), d.value()


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
print(main(int(400000 * scale)))
