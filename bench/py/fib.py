# Recursive calls: fib(27). argv[1] scales the argument's rounds.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
rounds = max(1, int(1 * scale))
print([fib(27) for _ in range(rounds)])
