# warnings: filters, actions, catch_warnings(record=True), the shown format.
import sys
import warnings


def caller():
    warnings.warn("look out", stacklevel=2)


def show(record):
    print([(w.category.__name__, str(w.message), w.lineno) for w in record])


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    caller()
    caller()
    warnings.warn("custom", RuntimeWarning)
    warnings.warn(UserWarning("an instance"))
show(log)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("default")
    for i in range(3):
        caller()
show(log)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("ignore")
    warnings.filterwarnings("always", message="keep")
    warnings.warn("keep this one")
    warnings.warn("drop this one")
show(log)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        caller()
    except UserWarning as exc:
        print("raised:", exc)

with warnings.catch_warnings():
    warnings.simplefilter("always")
    sys.stderr = sys.stdout
    try:
        caller()
        print(warnings.formatwarning("msg", UserWarning, "file.py", 7, "x = 1"), end="")
    finally:
        sys.stderr = sys.__stderr__

try:
    warnings.warn("bad", category=int)
except TypeError as exc:
    print(exc)
try:
    warnings.simplefilter("sometimes")
except AssertionError as exc:
    print("AssertionError", exc)
