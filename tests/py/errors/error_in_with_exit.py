class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("exit failed")

with Ctx():
    raise ValueError("body failed")
