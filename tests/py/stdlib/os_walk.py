# os.walk (top-down with pruning, bottom-up, onerror, symlinked folders),
# os.fspath and os.strerror, on a folder tree made and removed here.
import os

base = "/tmp/rcpy_os_walk_%d" % os.getpid()
for d in ("", "/a", "/a/b", "/c"):
    os.mkdir(base + d)
for f in ("/f1", "/a/f2", "/a/b/f3", "/c/f4"):
    open(base + f, "w").close()
os.symlink(base + "/a", base + "/link")


def rel(p):
    return "." + p[len(base):]


def walked(**kw):
    return sorted((rel(d), sorted(ds), sorted(fs)) for d, ds, fs in os.walk(base, **kw))


print(walked())
print(walked(followlinks=True))
print([rel(d) for d, _, _ in os.walk(base, topdown=False)][-1])
order = [rel(d) for d, _, _ in os.walk(base, topdown=False)]
print(order.index("./a/b") < order.index("./a"), len(order))
errors = []
print(list(os.walk(base + "/missing", onerror=errors.append)))
print([(type(e).__name__, e.errno, rel(e.filename)) for e in errors])
seen = []
for d, ds, fs in os.walk(base):
    ds[:] = [x for x in ds if x != "a"]
    seen.append(rel(d))
print(sorted(seen))
print(type(os.walk(base)).__name__)


class P:
    def __fspath__(self):
        return "pp"


for f in (lambda: os.fspath("x"), lambda: os.fspath(P()),
          lambda: os.fspath(1), lambda: os.strerror(2),
          lambda: os.strerror(99999), lambda: os.strerror("x"),
          lambda: os.strerror(2**40)):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

os.remove(base + "/link")
for f in ("/f1", "/a/f2", "/a/b/f3", "/c/f4"):
    os.remove(base + f)
for d in ("/a/b", "/a", "/c", ""):
    os.rmdir(base + d)
print(os.path.exists(base))
