# heapq.merge (plain, reverse, key, stability among equal keys, empty
# inputs) and the max-heap helpers.
import heapq
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([5, 3, 1], [4, 2], reverse=True)))
print(list(heapq.merge(["bb", "a"], ["ccc", "dd"], key=len, reverse=True)))
print(list(heapq.merge([(1, "a"), (2, "a")], [(1, "b")], key=lambda t: t[0])))
print(list(heapq.merge()), list(heapq.merge([], [1])))
h = [3, 1, 4, 1, 5, 9, 2, 6]
heapq._heapify_max(h); print(h[0], [heapq._heappop_max(h) for _ in range(3)], heapq._heapreplace_max(h, 0), h[0])
