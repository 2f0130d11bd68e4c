# An exception stored in a local of the frame its traceback holds.
import gc

class Marker:
    def __del__(self):
        print("marker freed")

def fail():
    m = Marker()
    try:
        raise ValueError("x")
    except ValueError as e:
        err = e
    return None

gc.collect()
fail()
print("function returned")
gc.collect()
print("after collect")

def no_cycle():
    m = Marker()
    try:
        raise ValueError("y")
    except ValueError as e:
        pass

no_cycle()
print("without keeping the exception, freed at return")
