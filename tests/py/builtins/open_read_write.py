import os
name = "_tmp_open_test.txt"
with open(name, "w") as f:
    f.write("line one\n")
    f.write("line two\n")
    print(f.closed)
print(f.closed)
with open(name) as f:
    print(repr(f.read()))
with open(name) as f:
    print(f.readline(), end="")
    print([line for line in f])
with open(name, "a") as f:
    print("appended", file=f)
with open(name) as f:
    print(f.readlines())
os.remove(name)
try:
    open("_no_such_file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
