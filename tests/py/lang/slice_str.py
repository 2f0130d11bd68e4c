s = "abcdefgh"
print(s[1:3], s[-2:], s[::2], s[::-1], s[5:1:-1], s[:0] == "")
print("racecar"[::-1] == "racecar")
print(s[slice(2, None)], slice(1, 5, 2), slice(3))
print(slice(1, 10, 3).indices(5))
print(range(10)[2:8:2], range(10)[::-1])
