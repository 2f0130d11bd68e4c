answer = 42
print("script ran")
