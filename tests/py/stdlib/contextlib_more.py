# ContextDecorator, AbstractContextManager (also as a virtual base), ExitStack
# callbacks, enter_context errors and exception chaining; deque subclasses
# with __slots__ (deque has no __dict__ of its own); _count_elements.
from collections import deque, Counter, _count_elements
class D(deque):
    __slots__ = ('x', '__dict__')
d = D([1,2]); d.x = 1; d.y = 2; print(d, d.x, d.y)
try:
    deque().z = 1  # message: CPython names the C type collections.deque
except AttributeError: print("no attributes on a plain deque")
import weakref; r = weakref.ref(d); print(r() is d)
c = {}; _count_elements(c, "abca"); print(c, Counter("hello"))
import contextlib
class CM(contextlib.ContextDecorator):
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit"); return False
@CM()
def f(x):
    "doc"
    return x * 2
print(f(3), f.__name__, f.__doc__)
print(issubclass(CM, contextlib.AbstractContextManager), isinstance(contextlib.nullcontext(), contextlib.AbstractContextManager))
class Plain:
    def __enter__(self): pass
    def __exit__(self, *a): pass
print(issubclass(Plain, contextlib.AbstractContextManager), issubclass(int, contextlib.AbstractContextManager))
with contextlib.ExitStack() as st:
    st.callback(print, "callback ran")
    st.enter_context(CM())
try:
    with contextlib.ExitStack() as st:
        st.enter_context(5)
except TypeError as e: print(e)
def raiser(exc):
    def cb(*a): raise exc
    return cb
try:
    with contextlib.ExitStack() as st:
        st.push(raiser(KeyError("inner")))
        st.push(raiser(ValueError("outer")))
        raise IndexError("body")
except KeyError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
