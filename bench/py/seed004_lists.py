# Seed 004's last snippet without psutil: two 10M-element lists made in a
# function, referring to each other, freed by gc.collect() after the
# function returns. The driver measures the time and the peak USS.
# argv[1] scales the list length.
import gc
import sys


def func(n):
    a = [i for i in range(n)]
    b = [i for i in range(n)]
    a.append(b)
    b.append(a)


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
func(int(10000000 * scale))
print(gc.collect())
