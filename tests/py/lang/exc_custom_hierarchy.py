class AppError(Exception):
    """Base for the app."""

class NotFound(AppError):
    def __init__(self, what):
        super().__init__("not found: " + what)
        self.what = what

class Invalid(AppError):
    pass

errors = []
for cls, arg in ((NotFound, "page"), (Invalid, "input"), (AppError, "generic")):
    try:
        raise cls(arg)
    except AppError as e:
        errors.append((type(e).__name__, str(e)))
print(errors)
print(NotFound("x").what, NotFound.__doc__, AppError.__doc__)
