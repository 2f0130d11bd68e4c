import gc

class Lazarus:
    def __del__(self):
        global saved
        saved = self

x = Lazarus()
print(gc.is_finalized(x))
x.me = x
del x
gc.collect()
print(gc.is_finalized(saved))
print(gc.is_finalized([]))
