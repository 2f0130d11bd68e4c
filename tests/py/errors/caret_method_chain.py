text = "a,b,c"
parts = text.split(",").index("z")
