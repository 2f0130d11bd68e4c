# Seed 000: gc.get_count() moves by one when an instance is made and back
# when it is deleted. The absolute numbers are the interpreter's own (the
# seed shows (590, 8, 0)), so the script prints the moves relative to a
# point after a collection, a first print and a first get_count (the first
# ones after a collection allocate a tuple that then stays on a free list).
# sub: id:\d+ => id:ID
import gc

class ClassA():
    def __init__(self):
        print('object born,id:%s'%str(id(self)))

gc.collect()
print('start')
gc.get_count()
base = gc.get_count()[0]
a = ClassA()
print(gc.get_count()[0] - base) # (591, 8, 0)
del a
print(gc.get_count()[0] - base) # (590, 8, 0)
