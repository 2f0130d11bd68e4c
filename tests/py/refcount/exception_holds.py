import sys

payload = []
try:
    raise ValueError(payload)
except ValueError as e:
    print(sys.getrefcount(payload))
print(sys.getrefcount(payload))
err = ValueError(payload)
print(sys.getrefcount(payload))
del err
print(sys.getrefcount(payload))
