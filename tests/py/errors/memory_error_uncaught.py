# rcpy-only: -X heap-limit is rcpy's option
# rcpy-args: -X heap-limit=32M
# (The expected output is what CPython prints when the allocation fails.)
s = "x" * (100 * 1024 * 1024)
