# Seed 002: a weak reference to a Node (the seed leaves Node undefined: a
# plain class), called to reach the object, None once it is gone.
import weakref

class Node:
    pass

# 为了防止这种因为相互应用而导致无法垃圾回收
import weakref
a = Node()
# 创建弱应用
a_weakref = weakref.ref(a)

# 为了访问弱应用的对象，可以先函数一样调用即可
# 如果那个对象还存在，就会返回，否则返回None
print(a_weakref())
print(a_weakref() is a)
del a
print(a_weakref())
