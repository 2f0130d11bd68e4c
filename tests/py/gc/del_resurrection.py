import gc

saved = []

class Phoenix:
    def __del__(self):
        print("__del__ called")
        saved.append(self)

gc.collect()
p = Phoenix()
p.me = p
del p
print(gc.collect())
print(len(saved))
saved.clear()
print(gc.collect())
print("finalizer ran only once")
q = Phoenix()
del q
print(len(saved))
r = saved.pop()
del r
print("no second __del__ by refcount either")
