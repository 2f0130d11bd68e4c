try:
    eval("1 +* 2")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
try:
    exec("def f(:\n    pass")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    compile("if x:\nreturn", "<test>", "exec")
except IndentationError as e:
    print(type(e).__name__, e.msg, e.filename, e.lineno)
try:
    exec("return 5")
except SyntaxError as e:
    print(e)
try:
    exec("break")
except SyntaxError as e:
    print(e)
try:
    exec("def g():\n    nonlocal q")
except SyntaxError as e:
    print(e)
