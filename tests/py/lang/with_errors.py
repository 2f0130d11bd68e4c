class NoExit:
    def __enter__(self):
        return self

try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)

try:
    with 42:
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)

class EnterFails:
    def __enter__(self):
        raise ValueError("enter failed")
    def __exit__(self, *a):
        print("exit not called")

try:
    with EnterFails():
        print("body not run")
except ValueError as e:
    print(e)
