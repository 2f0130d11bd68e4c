import traceback

def inner():
    return 1 / 0

def outer():
    return inner()

try:
    outer()
except ZeroDivisionError:
    text = traceback.format_exc()
print(text, end="")
print(text.splitlines()[-1])
