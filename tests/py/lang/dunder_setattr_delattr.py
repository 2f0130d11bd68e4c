class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError("frozen: cannot set %s" % name)
    def __delattr__(self, name):
        raise AttributeError("frozen: cannot delete %s" % name)

f = Frozen(1)
print(f.v)
try:
    f.v = 2
except AttributeError as e:
    print(e)
try:
    del f.v
except AttributeError as e:
    print(e)

class Recorder:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)

r = Recorder()
r.x = 5
print(r.x)
del r.x
print(hasattr(r, "x"))
