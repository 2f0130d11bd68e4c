import gc
stats = gc.get_stats()
print(len(stats), [sorted(s) for s in stats])
before = gc.get_stats()[2]["collections"]
gc.collect()
print(gc.get_stats()[2]["collections"] - before)
