def read_lines():
    data = "10\n20\nbad\n30\n\n40"
    for line in data.split("\n"):
        yield line

def parse(lines):
    for line in lines:
        try:
            yield int(line)
        except ValueError:
            continue

def running_total(numbers):
    total = 0
    for n in numbers:
        total += n
        yield total

print(list(running_total(parse(read_lines()))))
evens = (n for n in range(20) if n % 2 == 0)
squares = (n * n for n in evens)
print(sum(squares))
