# Seed 001: the default thresholds.
import gc
print(gc.get_threshold())
