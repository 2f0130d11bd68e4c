# The atexit module: functions run at exit, last registered first, with
# their arguments; unregister removes every registration; an exception is
# reported and the others still run.
import atexit
import weakref

def hello(name, punct="!"):
    print("goodbye", name + punct)

def boom():
    raise ValueError("at exit")

print(atexit.register(hello, "first") is hello)
atexit.register(hello, "second", punct="?")
atexit.register(boom)
atexit.register(print, "removed")
atexit.unregister(print)

@atexit.register
def decorated():
    print("decorated runs first")

class Obj:
    pass

kept = Obj()
fin = weakref.finalize(kept, print, "finalizer (registered after the functions above)")
quiet = weakref.finalize(Obj(), print, "called at once: its object died")
off = weakref.finalize(kept, print, "never: atexit is off")
off.atexit = False
print(fin.atexit, off.atexit, quiet.alive)
for bad in ((), (1,)):
    try:
        atexit.register(*bad)
    except TypeError as e:
        print(e)
print("end of script")
