moves = []

def hanoi(n, source, target, spare):
    if n == 0:
        return
    hanoi(n - 1, source, spare, target)
    moves.append((n, source, target))
    hanoi(n - 1, spare, target, source)

hanoi(3, "A", "C", "B")
for move in moves:
    print("move disk %d from %s to %s" % move)
moves.clear()
hanoi(10, "A", "C", "B")
print(len(moves))
