# rcpy-only: psutil is rcpy's own module here; memory numbers are machine-dependent
# Seed 004's second memory snippet with `range`: the returned list stays
# alive, so the memory is still in use after the call; the numbers are
# compared rather than printed.
# timeout: 600
# not-sanitized: ASan's quarantine keeps freed memory from going back to the system
import os
import psutil

def uss_mb():
    return psutil.Process(os.getpid()).memory_full_info().uss / 1024. / 1024

def func():
    a = [i for i in range(10000000)]
    return a

initial = uss_mb()
a = func()
finished = uss_mb()
print(len(a))
print('grew by more than 300 MB:', finished - initial > 300)
del a
print('given back:', uss_mb() - initial < 100)
