def run(fail):
    try:
        print("try")
        if fail:
            raise RuntimeError("failed")
    except RuntimeError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")

run(False)
run(True)

def ret():
    try:
        return "from try"
    finally:
        print("finally runs before return")

print(ret())
