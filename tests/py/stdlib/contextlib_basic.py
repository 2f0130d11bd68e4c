import sys
from contextlib import contextmanager, suppress, closing, nullcontext, redirect_stdout, ExitStack

@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)

with tag("p") as t:
    print("inside", t)

@contextmanager
def swallow():
    try:
        yield
    except ValueError as e:
        print("swallowed", e)

with swallow():
    raise ValueError("oops")
print("after swallow")

try:
    with tag("div"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))

with suppress(FileNotFoundError, KeyError):
    {}["x"]
print("suppressed")

class Thing:
    def close(self):
        print("closed")

with closing(Thing()) as th:
    print(type(th).__name__)

with nullcontext(5) as n:
    print(n)

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass

cap = Capture()
with redirect_stdout(cap):
    print("captured line")
print(repr("".join(cap.parts)))

with ExitStack() as stack:
    for name in ("a", "b"):
        stack.callback(print, "cleanup", name)
    stack.enter_context(tag("span"))
    print("body")

@tag("decorated")
def work():
    print("working")

work()

@contextmanager
def no_yield():
    if False:
        yield

try:
    with no_yield():
        pass
except RuntimeError as e:
    print(e)
