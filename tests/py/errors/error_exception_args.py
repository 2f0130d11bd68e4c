raise ValueError("multiple", "args", 3)
