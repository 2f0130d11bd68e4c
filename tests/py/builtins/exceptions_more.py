# The OSError family picks its subclass from errno as CPython's does; the
# other builtin exceptions and warnings exist with CPython's bases.
names = [11, 114, 115, 32, 108, 10, 103, 111, 104, 4, 3, 110, 2, 17, 13, 1,
         21, 20, 5]  # Linux's EAGAIN EALREADY EINPROGRESS EPIPE ESHUTDOWN ...
for code in names:
    e = OSError(code, "message")
    print(code, type(e).__name__, e.errno == code, e.strerror, e.args[1])

for cls in (BlockingIOError, ChildProcessError, ConnectionError,
            BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError,
            ConnectionResetError, InterruptedError, ProcessLookupError,
            TimeoutError, StopAsyncIteration, PendingDeprecationWarning,
            SyntaxWarning, FutureWarning, ImportWarning, UnicodeWarning,
            BytesWarning, EncodingWarning):
    print(cls.__name__, [c.__name__ for c in cls.__mro__], cls.__module__)

try:
    raise ConnectionRefusedError(111, "refused")
except ConnectionError as e:
    print("caught", type(e).__name__, e.strerror, isinstance(e, OSError))
try:
    raise TimeoutError("took too long")
except OSError as e:
    print("caught", repr(e), e.errno)
print(repr(FutureWarning("soon")), str(SyntaxWarning("odd")))
print(issubclass(BrokenPipeError, ConnectionError), IOError is OSError)
