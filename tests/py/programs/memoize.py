def memoize(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80))
print(len(fib.cache))

calls = 0
def slow_square(x):
    global calls
    calls += 1
    return x * x

fast = memoize(slow_square)
print([fast(3) for _ in range(5)], calls)
