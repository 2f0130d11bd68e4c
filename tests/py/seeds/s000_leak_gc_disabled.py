# Seed 000: two instances referring to each other, leaked while the
# collector is disabled. The seed's `while True:` loop is bounded to five
# rounds; then the leak is shown: a collection finds the ten instances.
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
        rounds += 1
        if rounds == 5:
            break

#python默认是开启垃圾回收的，可以通过下面代码来将其关闭
gc.disable()

f2()
print(gc.collect())
