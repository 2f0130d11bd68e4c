"""Module docstring."""
print(__doc__)
print(__name__)
if __name__ == "__main__":
    print("run as script")
