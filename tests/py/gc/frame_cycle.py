# A frame object held by one of its own locals is a cycle.
import gc
import sys

class Marker:
    def __del__(self):
        print("marker freed")

def keep_frame():
    m = Marker()
    frame = sys._getframe()
    return None

gc.collect()
keep_frame()
print("function returned")
gc.collect()
print("after collect")
