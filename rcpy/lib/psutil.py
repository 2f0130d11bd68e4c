"""psutil for rcpy: the part of psutil 5.9's API that programs watching
their memory use — Process(pid).memory_info(), memory_full_info() (uss,
pss, swap), name(), virtual_memory(), pid_exists(), the NoSuchProcess and
AccessDenied errors — with psutil's field names, orders and messages.

The numbers come from Linux's /proc through the C module _psutil, read
afresh at every call. A file that vanished means the process is gone
(NoSuchProcess); one the system refuses means AccessDenied.
"""

import os
import time

import _psutil
from collections import namedtuple

__version__ = "5.9.4"
version_info = (5, 9, 4)

__all__ = ["Error", "NoSuchProcess", "ZombieProcess", "AccessDenied",
           "TimeoutExpired", "Process", "pid_exists", "pids",
           "virtual_memory", "boot_time"]

STATUS_RUNNING = "running"
STATUS_SLEEPING = "sleeping"
STATUS_DISK_SLEEP = "disk-sleep"
STATUS_STOPPED = "stopped"
STATUS_TRACING_STOP = "tracing-stop"
STATUS_ZOMBIE = "zombie"
STATUS_DEAD = "dead"
STATUS_WAKE_KILL = "wake-kill"
STATUS_WAKING = "waking"
STATUS_IDLE = "idle"
STATUS_PARKED = "parked"

_STATES = {"R": STATUS_RUNNING, "S": STATUS_SLEEPING, "D": STATUS_DISK_SLEEP,
           "T": STATUS_STOPPED, "t": STATUS_TRACING_STOP, "Z": STATUS_ZOMBIE,
           "X": STATUS_DEAD, "x": STATUS_DEAD, "K": STATUS_WAKE_KILL,
           "W": STATUS_WAKING, "I": STATUS_IDLE, "P": STATUS_PARKED}

# --- results (Linux's fields, in psutil's order) ----------------------------

pmem = namedtuple("pmem", "rss vms shared text lib data dirty")
pfullmem = namedtuple("pfullmem", pmem._fields + ("uss", "pss", "swap"))
svmem = namedtuple("svmem", ["total", "available", "percent", "used", "free",
                             "active", "inactive", "buffers", "cached",
                             "shared", "slab"])


# --- errors -------------------------------------------------------------------

class Error(Exception):
    """The base class of psutil's errors."""

    def _details(self, names):
        shown = []
        for name in names:
            value = getattr(self, name, None)
            if value or (name == "pid" and value == 0):
                shown.append((name, value))
        return shown

    def __str__(self):
        shown = self._details(("pid", "ppid", "name"))
        details = None
        if shown:
            details = "(%s)" % ", ".join("%s=%r" % kv for kv in shown)
        return " ".join(x for x in (getattr(self, "msg", ""), details) if x)

    def __repr__(self):
        shown = self._details(("pid", "ppid", "name", "seconds", "msg"))
        return "psutil.%s(%s)" % (type(self).__name__,
                                  ", ".join("%s=%r" % kv for kv in shown))


class NoSuchProcess(Error):
    """The process with this pid does not exist (any more)."""

    def __init__(self, pid, name=None, msg=None):
        Error.__init__(self)
        self.pid = pid
        self.name = name
        self.msg = msg or "process no longer exists"


class ZombieProcess(NoSuchProcess):
    """The process has exited but its parent has not reaped it."""

    def __init__(self, pid, name=None, ppid=None, msg=None):
        NoSuchProcess.__init__(self, pid, name, msg)
        self.ppid = ppid
        self.msg = msg or "PID still exists but it's a zombie"


class AccessDenied(Error):
    """The system refused to tell."""

    def __init__(self, pid=None, name=None, msg=None):
        Error.__init__(self)
        self.pid = pid
        self.name = name
        self.msg = msg or ""


class TimeoutExpired(Error):
    """Process.wait(timeout) ran out of time."""

    def __init__(self, seconds, pid=None, name=None):
        Error.__init__(self)
        self.seconds = seconds
        self.pid = pid
        self.name = name
        self.msg = "timeout after %s seconds" % seconds


# --- the system ---------------------------------------------------------------

def pid_exists(pid):
    """Whether a process with this pid exists."""
    if pid < 0:
        return False
    return _psutil.pid_exists(pid)


def pids():
    """The pids of the running processes, sorted."""
    return sorted(int(x) for x in os.listdir("/proc") if x.isdigit())


def boot_time():
    """When the system booted, in seconds since the epoch."""
    return float(_psutil.clock()[0])


def virtual_memory():
    """The system's memory, as `free` reports it (bytes; percent of total
    not available)."""
    mems = _psutil.meminfo()
    total = mems["MemTotal"]
    free = mems["MemFree"]
    buffers = mems.get("Buffers", 0)
    cached = mems.get("Cached", 0) + mems.get("SReclaimable", 0)
    shared = mems.get("Shmem", mems.get("MemShared", 0))
    active = mems.get("Active", 0)
    inactive = mems.get("Inactive", 0)
    slab = mems.get("Slab", 0)
    used = total - free - cached - buffers
    if used < 0:
        used = total - free
    avail = mems.get("MemAvailable", free + buffers + cached)
    if avail < 0:
        avail = 0
    if avail > total:
        avail = free
    percent = round((total - avail) / total * 100, 1) if total else 0.0
    return svmem(total, avail, percent, used, free, active, inactive,
                 buffers, cached, shared, slab)


def _pprint_secs(secs):
    fmt = "%H:%M:%S" if time.time() - secs < 60 * 60 * 24 \
        else "%Y-%m-%d %H:%M:%S"
    return time.strftime(fmt, time.localtime(secs))


class _Oneshot:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


# --- one process --------------------------------------------------------------

class Process:
    """A process, by pid (this one when pid is None)."""

    def __init__(self, pid=None):
        if pid is None:
            pid = os.getpid()
        elif pid < 0:
            raise ValueError("pid must be a positive integer (got %s)" % pid)
        self._pid = pid
        self._name = None
        self._ppid = None
        self._create_time = None
        self._gone = False
        try:
            self.create_time()
        except (AccessDenied, ZombieProcess):
            pass
        except NoSuchProcess:
            raise NoSuchProcess(pid, msg="process PID not found")
        self._ident = (self._pid, self._create_time)

    def _read(self, fn):
        # psutil's wrap_exceptions: the system's errors as psutil's
        try:
            return fn(self._pid)
        except PermissionError:
            raise AccessDenied(self._pid, self._name)
        except FileNotFoundError:
            if not pid_exists(self._pid):
                raise NoSuchProcess(self._pid, self._name)
            raise ZombieProcess(self._pid, self._name, self._ppid)

    @property
    def pid(self):
        return self._pid

    def oneshot(self):
        return _Oneshot()

    def create_time(self):
        if self._create_time is None:
            start = self._read(_psutil.proc_stat)[3]
            btime, ticks = _psutil.clock()
            self._create_time = start / ticks + btime
        return self._create_time

    def name(self):
        name = self._read(_psutil.proc_stat)[0]
        if len(name) >= 15:
            # the kernel cut it: the program's path may say more
            try:
                cmdline = self.cmdline()
            except AccessDenied:
                cmdline = []
            if cmdline:
                extended = os.path.basename(cmdline[0])
                if extended.startswith(name):
                    name = extended
        self._name = name
        return name

    def cmdline(self):
        return self._read(_psutil.proc_cmdline)

    def status(self):
        return _STATES.get(self._read(_psutil.proc_stat)[1], "?")

    def ppid(self):
        self._ppid = self._read(_psutil.proc_stat)[2]
        return self._ppid

    def parent(self):
        ppid = self.ppid()
        return Process(ppid) if ppid else None

    def memory_info(self):
        return pmem(*self._read(_psutil.proc_statm))

    def memory_full_info(self):
        uss, pss, swap = self._read(_psutil.proc_smaps)
        return pfullmem(*(tuple(self.memory_info()) + (uss, pss, swap)))

    def memory_percent(self, memtype="rss"):
        valid = pfullmem._fields
        if memtype not in valid:
            raise ValueError("invalid memtype %r; valid types are %r"
                             % (memtype, valid))
        info = self.memory_info() if memtype in pmem._fields \
            else self.memory_full_info()
        total = virtual_memory().total
        return getattr(info, memtype) / total * 100 if total else 0.0

    def is_running(self):
        if self._gone:
            return False
        try:
            now = Process(self._pid)
        except NoSuchProcess as exc:
            if isinstance(exc, ZombieProcess):
                return True
            self._gone = True
            return False
        return self == now

    def __eq__(self, other):
        if isinstance(other, Process):
            return self._ident == other._ident
        return NotImplemented

    def __ne__(self, other):
        equal = self == other
        return not equal

    def __hash__(self):
        return hash(self._ident)

    def __str__(self):
        info = [("pid", self._pid)]
        try:
            info.append(("name", self.name()))
            info.append(("status", self.status()))
        except ZombieProcess:
            info.append(("status", "zombie"))
        except NoSuchProcess:
            info.append(("status", "terminated"))
        except AccessDenied:
            pass
        if self._create_time:
            info.append(("started", _pprint_secs(self._create_time)))
        return "%s.%s(%s)" % (type(self).__module__, type(self).__name__,
                              ", ".join("%s=%r" % kv for kv in info))

    __repr__ = __str__
