class E(Exception):
    def __str__(self):
        raise ValueError("broken __str__")

raise E()
