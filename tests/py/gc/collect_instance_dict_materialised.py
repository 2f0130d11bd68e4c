# Asking for __dict__ gives each instance a dict object of its own, which
# the collector then finds too (3.11 keeps attributes without a dict
# until it is asked for).
import gc

class ClassA:
    pass

gc.collect()
c1 = ClassA()
c2 = ClassA()
c1.t = c2
c2.t = c1
print(sorted(c1.__dict__), sorted(c2.__dict__))
del c1, c2
print(gc.collect())
