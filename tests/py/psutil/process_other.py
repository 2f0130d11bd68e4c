# psutil.Process of another process (this test's parent, the test runner)
# reads that process's files; a pid no process has raises NoSuchProcess.
import os
from _ps import psutil

parent = psutil.Process(os.getppid())
print(parent.pid == os.getppid(), parent.name().startswith("python"))
info = parent.memory_info()
print(info.rss > 0, info.vms >= info.rss, parent.is_running())
print(parent == psutil.Process(os.getppid()), parent != psutil.Process())

missing = 2 ** 22 + 4321          # above Linux's largest pid
print(psutil.pid_exists(missing))
try:
    psutil.Process(missing)
except psutil.NoSuchProcess as e:
    print(str(e) == "process PID not found (pid=%d)" % missing)
    print(repr(e) == "psutil.NoSuchProcess(pid=%d, msg='process PID not found')" % missing)
    print(e.pid == missing, e.name, e.msg, isinstance(e, psutil.Error))
for bad in (-1, -5):
    try:
        psutil.Process(bad)
    except ValueError as e:
        print(e)
try:
    psutil.Process("1")
except TypeError as e:
    print(e)
