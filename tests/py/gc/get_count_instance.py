# The first counter moves by one per instance made and back on del.
import gc

class ClassA:
    pass

def moves():
    seen = []
    holder = []
    gc.collect()
    gc.get_count()
    base = gc.get_count()[0]
    a = ClassA()
    seen.append(gc.get_count()[0] - base)
    b = ClassA()
    seen.append(gc.get_count()[0] - base)
    del a
    seen.append(gc.get_count()[0] - base)
    del b
    seen.append(gc.get_count()[0] - base)
    for i in range(10):
        holder.append(ClassA())
    seen.append(gc.get_count()[0] - base)
    holder.clear()
    seen.append(gc.get_count()[0] - base)
    return seen

print(moves())
