# Simple and compound statements.
import os
import os.path
import os.path as p, sys
from os import path
from os import (path, sep,)
from os.path import join as j, dirname
from . import x
from .. import y
from ...a.b import c
from .... import d
from .mod import *
x = y = z = 1
a, b = b, a
a, *b = c
[a, b] = c
(a, b), c = d
x.y = 1
x[0] = 1
x[0:1] = []
x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 2; x **= 2
x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1; x @= m
x: int
x: int = 1
x.y: str = 's'
(x): int = 2
x[0]: list
del a
del a, b
del a.b, a[0], (c, d), [e]
del (a), (a, b)
assert x
assert x, "message"
pass
global g
global g1, g2
def f():
    nonlocal q
    return
def g():
    return 1, 2
raise
raise E
raise E from e
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while x:
    break
else:
    continue
for i in range(10):
    pass
else:
    pass
for a, b in c: pass
for (a, b) in c: pass
for [a, b] in c: pass
try:
    pass
except E:
    pass
except (E1, E2) as e:
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
with a:
    pass
with a as b, c as (d, e):
    pass
with (a as b, c):
    pass
with (a, b):
    pass
with (yield):
    pass
if x: y = 1; z = 2
class A: pass
class B(A, metaclass=M, **kw):
    x = 1
    def m(self, a, /, b, *, c): return a
@dec
@dec.attr(1)
def decorated(a: int = 1, *args: str, b: "x" = 2, **kw: dict) -> None:
    """Docstring."""
    yield
    yield x
    yield from y
    x = yield
@d
class C:
    pass
def posonly(a, b=1, /, c=2, *, d, e=3): pass
def star(*, a): pass
def kw(**kw): pass
def defaults(a=1, b=2): pass
def withslash(a, b, /): pass
x = 1 \
    + 2
if (a and
        b):
    pass
