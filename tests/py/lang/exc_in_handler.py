try:
    try:
        raise ValueError("original")
    except ValueError:
        undefined_function()
except NameError as e:
    print(e, "| context:", repr(e.__context__))

try:
    try:
        raise KeyError("k")
    finally:
        print("finally while propagating")
except KeyError as e:
    print("after finally", e)
