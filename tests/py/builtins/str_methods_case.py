s = "hello World"
print(s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase(), s.casefold())
print("ß".upper(), "ǅ".lower(), "hello_world-foo bar".title())
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "  ".isspace(), "ABC".isupper(), "abc".islower())
print("Title Case".istitle(), "x1".isidentifier(), "1x".isidentifier(), "½".isnumeric(), "12".isdecimal())
print("".isalpha(), "".isdigit(), "a b".isalpha(), "printable".isprintable(), "\n".isprintable())
