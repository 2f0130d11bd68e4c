s = "one two one two"
print(s.replace("one", "1"), s.replace("one", "1", 1), s.replace("x", "y"), "aaa".replace("a", "bb"))
print("abc".replace("", "-"))
table = str.maketrans("abc", "xyz")
print("aabbcc".translate(table))
print("hello".translate({ord("l"): None, ord("h"): "J"}))
print(str.maketrans({"a": "1"}) == {97: "1"})
