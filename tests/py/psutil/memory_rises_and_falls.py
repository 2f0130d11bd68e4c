# not-sanitized: ASan's shadow memory and quarantine change what a process uses and gives back
# timeout: 300
# USS rises by about what a million distinct ints in a list take (CPython:
# 8 MB of list and 32 MB of ints), and falls back once the list is gone.
import gc
import os
from _ps import psutil

def uss_mb():
    return psutil.Process(os.getpid()).memory_full_info().uss / 1024 / 1024

gc.collect()
before = uss_mb()
data = [i * 1000 + 7 for i in range(1000000)]
grown = uss_mb()
print("grew by 20..120 MB:", 20 < grown - before < 120)
del data
gc.collect()
after = uss_mb()
print("gave most of it back:", after - before < (grown - before) / 2)

# a cycle holding the memory keeps it until the collector runs
class Holder:
    pass

h = Holder()
h.me = h
h.data = [i * 1000 + 7 for i in range(1000000)]
del h
held = uss_mb()
print("still held before collecting:", held - after > 20)
gc.collect()
print("freed by the collector:", uss_mb() - after < (held - after) / 2)
