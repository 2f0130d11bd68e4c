# traceback's stack extraction: extract_tb/extract_stack give FrameSummary
# objects (file, line, name, source line), format_tb/format_list/print_tb
# lay them out as the interpreter does, walk_tb pairs frames with lines.
import os
import sys
import traceback


def inner():
    return 1 / 0


def outer():
    return inner()


try:
    outer()
except ZeroDivisionError as exc:
    tb = exc.__traceback__

summary = traceback.extract_tb(tb)
print(type(summary).__name__, len(summary))
for frame in summary:
    print(os.path.basename(frame.filename), frame.lineno, frame.name,
          repr(frame.line))
name, lineno, func, line = summary[-1]
print(os.path.basename(name), lineno, func, line, summary[-1] == (name, lineno, func, line))
print(repr(summary[0]).replace(summary[0].filename, "FILE"))
print("".join(traceback.format_tb(tb)).replace(__file__, "FILE"), end="")
print([lineno for frame, lineno in traceback.walk_tb(tb)])
print(len(traceback.extract_tb(tb, limit=2)), len(traceback.extract_tb(tb, limit=-1)))


def where():
    return traceback.extract_stack()


stack = where()
print([f.name for f in stack], stack[-1].line)
print(traceback.format_list([("a.py", 3, "f", "x = 1"), ("b.py", 9, "g", None)]), end="")
rebuilt = traceback.StackSummary.from_list([("a.py", 3, "f", "x = 1")])
print(rebuilt[0].filename, rebuilt[0].line)


def deep(n):
    if n == 0:
        raise ValueError("bottom")
    deep(n - 1)


try:
    deep(6)
except ValueError as exc:
    lines = traceback.format_tb(exc.__traceback__)
print(len(lines), lines[-1].strip().splitlines()[-1])
print(lines[-2].strip())
traceback.print_tb(tb, limit=1, file=sys.stdout)
