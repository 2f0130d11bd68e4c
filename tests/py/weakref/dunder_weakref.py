# obj.__weakref__ is the first Python weak reference to obj (None without
# one): the plain ref when there is one, also when proxies exist.
import weakref
class A: pass
a = A()
print(a.__weakref__)
r = weakref.ref(a)
print(a.__weakref__ is r)
class B: pass
b = B()
p = weakref.proxy(b)
r2 = weakref.ref(b)
print(b.__weakref__ is r2)
