# Seed 002: forcing a collection (no output).
import gc
gc.collect()
