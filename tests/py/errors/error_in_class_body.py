class Broken:
    x = 1
    y = x + undefined

print("never")
