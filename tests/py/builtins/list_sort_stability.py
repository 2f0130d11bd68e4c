records = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 3)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
nums = [5, -3, 2, -1, 4]
nums.sort(key=abs)
print(nums)
words = ["Banana", "apple", "cherry", "Apple"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
L = [1, 2, 3]
try:
    L.sort(key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e:
    print("key raised:", e, L)
