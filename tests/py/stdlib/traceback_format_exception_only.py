import traceback

print(traceback.format_exception_only(ValueError("bad value")))
print(traceback.format_exception_only(KeyError("k")))
try:
    compile("x = = 1", "<snippet>", "exec")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(e)), end="")

class Custom(Exception):
    pass

print(traceback.format_exception_only(Custom()))
