# psutil.Process for this process: the pid, the named tuples' fields in
# Linux's order, sizes that make sense together, equality and hashing.
import os
from _ps import psutil

p = psutil.Process()
print(p.pid == os.getpid(), psutil.Process(os.getpid()) == p,
      hash(p) == hash(psutil.Process()), p != psutil.Process(os.getppid()))
mi = p.memory_info()
fi = p.memory_full_info()
print(type(mi).__name__, mi._fields)
print(type(fi).__name__, fi._fields)
print(all(isinstance(x, int) and x >= 0 for x in fi))
print(0 < fi.uss <= fi.rss <= fi.vms, fi.pss > 0, fi.swap >= 0)
print(mi.rss == mi[0], mi.vms == mi[1], len(fi) == 10)
rss, vms, shared, text, lib, data, dirty = mi
print(shared <= rss, text > 0, lib == 0, dirty == 0, data > 0)
print(isinstance(p.name(), str) and len(p.name()) > 0, p.status() in
      (psutil.STATUS_RUNNING, psutil.STATUS_SLEEPING))
print(p.ppid() == os.getppid(), p.is_running(), 0 < p.memory_percent() < 100)
print(p.memory_percent("uss") <= p.memory_percent("rss"))
try:
    p.memory_percent("bogus")
except ValueError as e:
    print(str(e).startswith("invalid memtype 'bogus'"))
print(repr(p).startswith("psutil.Process(pid=%d, name=" % p.pid))
print(psutil.pid_exists(os.getpid()), psutil.pid_exists(-1), os.getpid() in psutil.pids())
