class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

try:
    raise AppError(404, "not found")
except AppError as e:
    print(e.code, e, e.args)

class WithStr(Exception):
    def __str__(self):
        return "custom str"

print(str(WithStr("x")), repr(WithStr("x")))
