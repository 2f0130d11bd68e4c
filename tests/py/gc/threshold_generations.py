# Which generation each automatic collection examined: every fourth is a
# generation-1 collection with the second threshold at 3.
import gc

seen = []
def on_gc(phase, info):
    if phase == "start":
        seen.append(info["generation"])

class Obj:
    pass

gc.collect()
gc.set_threshold(20, 3, 1000)
gc.callbacks.append(on_gc)
keep = []
for i in range(400):
    keep.append(Obj())
gc.callbacks.remove(on_gc)
gc.set_threshold(700, 10, 10)
print(seen[:12])
print(set(seen))
