# Seed 002: the thresholds, from the seed's `>>>` line.
import gc

# 查看 gc 阈值
print(gc.get_threshold())
