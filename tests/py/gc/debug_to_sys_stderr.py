# gc.set_debug's lines go to sys.stderr, so replacing sys.stderr catches
# them (CPython writes them with PySys_WriteStderr).
import gc
import io
import sys


class Bullet:
    pass


b1 = Bullet()
b2 = Bullet()
b1.partner = b2
b2.partner = b1
del b1, b2

saved = sys.stderr
sys.stderr = buf = io.StringIO()
gc.set_debug(gc.DEBUG_COLLECTABLE)
found = gc.collect()
gc.set_debug(0)
sys.stderr = saved
lines = buf.getvalue().splitlines()
print("found", found)
print("lines", len(lines))
print(sorted(line.split(" 0x")[0] for line in lines))

# DEBUG_STATS: the summary lines are caught as well
sys.stderr = buf = io.StringIO()
gc.set_debug(gc.DEBUG_STATS)
gc.collect()
gc.set_debug(0)
sys.stderr = saved
text = buf.getvalue()
print(text.startswith("gc: collecting generation 2..."))
print("gc: done," in text)
