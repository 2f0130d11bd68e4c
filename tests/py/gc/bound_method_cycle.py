# An instance holding its own bound method is a cycle of two objects.
import gc

class Widget:
    def __init__(self):
        self.callback = self.on_event
    def on_event(self):
        return "event"
    def __del__(self):
        print("widget freed")

gc.collect()
w = Widget()
print(w.callback())
del w
print("dropped")
print(gc.collect())
