import functools
from functools import reduce, partial, wraps, lru_cache, total_ordering, cmp_to_key

print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)

def power(base, exp):
    return base ** exp

square = partial(power, exp=2)
cube_of_2 = partial(power, 2)
print(square(5), cube_of_2(3), square.func is power, square.args, square.keywords)
print(partial(partial(power, 3), exp=3)(), repr(partial(len, "abc")).startswith("functools.partial(<built-in function len>"))

def logged(func):
    @wraps(func)
    def wrapper(*args):
        return func(*args)
    return wrapper

@logged
def documented(x):
    """Doubles x."""
    return x * 2

print(documented(4), documented.__name__, documented.__doc__, documented.__wrapped__.__name__)

@lru_cache(maxsize=2)
def slow(n):
    print("computing", n)
    return n * n

print(slow(1), slow(2), slow(1), slow(3), slow(2))
print(slow.cache_info())
slow.cache_clear()
print(slow.cache_info())

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), fib.cache_info())

@functools.cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)

print(fact(20), fact.cache_info().currsize)

@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts

a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= a)
print(sorted([3, 1, 2], key=cmp_to_key(lambda x, y: y - x)))

class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print("computing area")
        return 3 * self.r ** 2

c = Circle(2)
print(c.area, c.area, "area" in vars(c))
