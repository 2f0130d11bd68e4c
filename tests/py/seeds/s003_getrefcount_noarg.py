# Seed 003: typed as the seed has it, without `import sys`: NameError.
print(sys.getrefcount())
