a = 1
b = "two"
result = a + b
