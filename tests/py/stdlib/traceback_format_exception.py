import traceback

try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("wrapped") from e
except ValueError as exc:
    lines = traceback.format_exception(exc)
    print(type(lines).__name__, all(line.endswith("\n") for line in lines))
    print("".join(lines), end="")
    print("--- without the chain")
    print("".join(traceback.format_exception(exc, chain=False)), end="")
    print("--- three-argument form")
    print("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)), end="")
