import builtins
print(builtins.len is len, builtins.print is print, type(builtins).__name__)
print(builtins.__name__, hasattr(builtins, "ValueError"), builtins.True_ if hasattr(builtins, "True_") else "no True_")
print(__builtins__ is builtins or __builtins__ is builtins.__dict__)
