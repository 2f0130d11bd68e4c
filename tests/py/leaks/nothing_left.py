# rcpy-only: -X leaks is rcpy's own report
# rcpy-args: -X leaks
# A program that leaves nothing behind gets one line: its function and the
# lists it links into cycles are gone by the end (the report collects
# first).


def ring(n):
    first = node = [0]
    for i in range(n):
        node.append([i])
        node = node[-1]
    node.append(first)


for i in range(10):
    ring(5)
print('done')
del ring, i
