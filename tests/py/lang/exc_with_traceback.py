try:
    raise ValueError("a")
except ValueError as e:
    saved = e

e2 = RuntimeError("b").with_traceback(saved.__traceback__)
print(e2.__traceback__ is saved.__traceback__)
try:
    raise e2
except RuntimeError as e:
    print(e.__traceback__.tb_next is not None)
