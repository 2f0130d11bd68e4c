# io.StringIO: reading, writing, seeking, capturing print, errors.
import io
import sys

buf = io.StringIO("first\nsecond\nthird")
print(repr(buf.readline()), repr(buf.read(3)), buf.tell())
print(repr(buf.read()), repr(buf.read()))
print(list(io.StringIO("a\nb\n\nc")))
print(io.StringIO("x\ny\n").readlines())

out = io.StringIO()
print(out.write("hello world"), out.tell())
out.seek(6)
out.write("there")
print(repr(out.getvalue()))
print(out.truncate(5), repr(out.getvalue()))
out.seek(8)
out.write("!")
print(repr(out.getvalue()))
out.seek(0, io.SEEK_END)
print(out.tell())

saved = sys.stdout
sys.stdout = captured = io.StringIO()
print("into", "the", "buffer", sep="-")
print(3 * 7)
sys.stdout = saved
print(repr(captured.getvalue()))

with io.StringIO("ctx") as s:
    print(s.read(), s.closed)
print(s.closed)

for bad in (lambda: io.StringIO().write(3),
            lambda: io.StringIO(5),
            lambda: s.read(),
            lambda: io.StringIO().seek(-1),
            lambda: io.StringIO().seek(1, 1),
            lambda: io.StringIO().fileno()):
    try:
        bad()
    except Exception as exc:
        print(type(exc).__name__, exc)
print(issubclass(io.UnsupportedOperation, OSError),
      issubclass(io.UnsupportedOperation, ValueError))
print(repr(io.StringIO("a\r\nb\rc", newline=None).getvalue()))
