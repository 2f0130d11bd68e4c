def gen():
    yield 1
    raise ValueError("inside generator")

g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
try:
    next(g)
except StopIteration:
    print("generator is finished after raising")

def stop_in_gen():
    yield 1
    raise StopIteration

try:
    list(stop_in_gen())
except RuntimeError as e:
    print(e)
