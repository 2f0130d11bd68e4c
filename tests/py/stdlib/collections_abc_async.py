# The asynchronous ABCs and ByteString in collections.abc: subclass hooks
# by method names, abstract instantiation refused.
from collections.abc import Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator, ByteString, Sequence
class A:
    def __await__(self): yield
class C(A):
    def send(self, v): pass
    def throw(self, *a): pass
    def close(self): pass
class AI:
    def __aiter__(self): return self
    def __anext__(self): raise StopAsyncIteration
print(isinstance(A(), Awaitable), isinstance(A(), Coroutine), isinstance(C(), Coroutine))
print(isinstance(AI(), AsyncIterable), isinstance(AI(), AsyncIterator), isinstance(AI(), AsyncGenerator))
print(issubclass(ByteString, Sequence), isinstance("s", ByteString), isinstance([], Awaitable))
try:
    Awaitable()
except TypeError as e:
    print(e)
