# rcpy-only: -X heap-limit is rcpy's option
# rcpy-args: -X heap-limit=64M
# A list grown past the heap limit raises MemoryError, which a program can
# catch; the memory is usable again afterwards.
try:
    big = []
    while True:
        big.append([0] * 1000)
except MemoryError:
    big = None
    print("MemoryError caught")
print(len([0] * 1000))
