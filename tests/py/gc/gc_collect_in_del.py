import gc

class Outer:
    def __del__(self):
        print("collect inside __del__ returns", gc.collect())

gc.collect()
o = Outer()
o.me = o
del o
print(gc.collect())
