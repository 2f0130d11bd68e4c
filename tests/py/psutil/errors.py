# psutil's exception classes: their str and repr name what they know.
from _ps import psutil

for e in (psutil.NoSuchProcess(5), psutil.NoSuchProcess(5, "x"),
          psutil.NoSuchProcess(5, "x", "gone"), psutil.NoSuchProcess(0),
          psutil.ZombieProcess(7, "z", 1), psutil.AccessDenied(),
          psutil.AccessDenied(5), psutil.AccessDenied(5, "n", "no"),
          psutil.TimeoutExpired(3, 9)):
    print(repr(str(e)), repr(e))
print([c.__name__ for c in psutil.ZombieProcess.__mro__])
print(issubclass(psutil.AccessDenied, psutil.Error), psutil.Error.__module__)
try:
    raise psutil.AccessDenied(42, "init")
except psutil.Error as e:
    print(type(e).__name__, e.pid, e.name, e.msg == "")
