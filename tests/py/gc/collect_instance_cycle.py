import gc

class ClassA:
    pass

gc.collect()
c1 = ClassA()
c2 = ClassA()
c1.t = c2
c2.t = c1
del c1, c2
print(gc.collect())
