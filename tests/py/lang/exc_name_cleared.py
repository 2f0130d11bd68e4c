try:
    raise ValueError("x")
except ValueError as err:
    pass

try:
    err
except NameError as e:
    print(e)

err = "kept"
try:
    1 / 0
except ZeroDivisionError as err:
    print("in handler", err)
print("err" in dir())
