def divmod_like(a, b):
    return a // b, a % b

q, r = divmod_like(17, 5)
print(q, r)
print(divmod_like(-17, 5))

def early(x):
    if x > 0:
        return "positive"
    elif x < 0:
        return "negative"
    return "zero"

print(early(3), early(-3), early(0))
