def compute(a, b):
    return a * b

total = (1 +
         compute(2, None))
