import gc

events = []
def cb(phase, info):
    events.append((phase, sorted(info), info["generation"]))

gc.collect()
gc.callbacks.append(cb)
a = []
a.append(a)
del a
gc.collect()
gc.callbacks.remove(cb)
print(events)
collected = []
def count_cb(phase, info):
    if phase == "stop":
        collected.append((info["collected"], info["uncollectable"]))
gc.callbacks.append(count_cb)
b = []
b.append(b)
del b
gc.collect()
gc.callbacks.clear()
print(collected)
