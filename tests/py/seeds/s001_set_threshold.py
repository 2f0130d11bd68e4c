# Seed 001: set_threshold, typed as the seed has it (no output).
import gc
gc.set_threshold(700, 10, 5)
