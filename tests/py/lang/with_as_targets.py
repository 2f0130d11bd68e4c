class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        pass

with Pair() as (a, b):
    print(a, b)

store = {}
with Pair() as store["k"]:
    pass
print(store)
