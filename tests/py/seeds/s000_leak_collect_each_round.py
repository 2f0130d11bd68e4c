# Seed 000: the same loop with gc.collect() in each round (bounded to five
# rounds); each collection finds the round's two instances.
# sub: id:\d+ => id:ID
import gc

class ClassA():
    def __init__(self):
        print('object born,id:%s'%str(id(self)))

def f2():
    rounds = 0
    while True:
        c1 = ClassA()
        c2 = ClassA()
        c1.t = c2
        c2.t = c1
        del c1
        del c2
        print(gc.collect())#手动调用垃圾回收功能，这样在自动垃圾回收被关闭的情况下，也会进行回收
        rounds += 1
        if rounds == 5:
            break

#python默认是开启垃圾回收的，可以通过下面代码来将其关闭
gc.disable()

f2()
