# rcpy-only: -X heap-limit is rcpy's option
# rcpy-args: -X heap-limit=32M
s = "x" * (100 * 1024 * 1024)
