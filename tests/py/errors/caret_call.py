def helper(x):
    return x.upper()

values = [1, 2]
out = helper(values[0])
