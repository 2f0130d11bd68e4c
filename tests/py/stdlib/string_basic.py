import string
print(string.ascii_lowercase, string.ascii_uppercase, string.digits)
print(string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, len(string.printable), string.ascii_letters[20:30])
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"))
print(sum(1 for c in "Hello, World!" if c in string.punctuation))
