import os
print(type(os.getpid()).__name__, os.getpid() > 0)
print(os.sep, repr(os.linesep), os.name)
print(os.path.join("a", "b", "c.txt"), os.path.basename("/x/y/z.py"), os.path.dirname("/x/y/z.py"))
print(os.path.splitext("archive.tar.gz"), os.path.split("/a/b"))
print(os.path.exists("os_module.py"), os.path.isfile("os_module.py"), os.path.isdir("."), os.path.exists("nope.txt"))
print(os.path.abspath("x") == os.path.join(os.getcwd(), "x"), os.path.normpath("a//b/../c"))
print(isinstance(os.environ, object), "PATH" in os.environ, os.getenv("RCPY_SURELY_UNSET_VAR", "unset"))
print("os_module.py" in os.listdir("."))
