data = {"key": [1, 2, 3]}
value = data["key"][10]
