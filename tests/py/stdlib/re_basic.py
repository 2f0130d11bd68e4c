import re

text = "Contact: ann@example.com, bob.smith@mail.org; phone 555-1234 or (555) 987-6543."
print(re.findall(r"[\w.]+@[\w.]+\.\w+", text))
print(re.findall(r"\(?(\d{3})\)?[ -]?(\d{3})-(\d{4})", text))
print(re.findall(r"\d{3}-\d{4}", text))
m = re.search(r"(?P<user>[\w.]+)@(?P<host>[\w.]+)", text)
print(m.group(), m.group(1), m.group("host"), m.groups(), m.groupdict(), m.span(), m.start(2), m.end("user"))
print(m)
print(re.match(r"\w+", text), re.match(r"\d+", text), re.fullmatch(r"\d+", "12345"), re.fullmatch(r"\d+", "123a"))
print(re.sub(r"\s+", " ", "too   many    spaces\there"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@host admin@site"))
print(re.sub(r"(?P<word>\b\w)", lambda m: m.group("word").upper(), "hello big world"))
print(re.subn(r"a", "A", "banana"), re.sub("a", "A", "banana", count=2))
print(re.split(r"[,;]\s*", "a, b;c,   d"), re.split(r"(\d)", "x1y2z"), re.split(r"x*", "axbc"), re.split(",", "a,b,c", maxsplit=1))
print([m.span() for m in re.finditer(r"o", "foo boo")], re.findall(r"x*", "axb"))
print(re.compile(r"ab+", re.I), re.compile("x"), re.compile(r"^\s*#", re.M | re.VERBOSE).flags & re.M != 0)
pat = re.compile(r"""
    (\d+)      # number
    \s*
    ([a-z]+)   # unit
""", re.VERBOSE | re.IGNORECASE)
print(pat.findall("10 KG, 5m and 7 Days"))
print(re.findall(r"^\w+", "first line\nsecond line", re.M), re.findall(r"a.b", "a\nb", re.S), re.findall(r"a.b", "a\nb"))
print(re.search(r"(\w)\1", "abccd").group(), re.search(r"(?P<c>\w)(?P=c)", "xyzzy").group("c"))
print(re.findall(r"\bcat\b", "cat concat cat's bobcat"), re.findall(r"colou?r", "color colour colr"))
print(re.findall(r"<.*?>", "<a><b></b>"), re.findall(r"<.*>", "<a><b></b>"))
print(re.escape("1+1=2? (yes) a.b*c"), re.search(re.escape("a.b"), "aXb a.b").span())
print(re.findall(r"(?=(\w\w))", "abcd"), re.findall(r"\w+(?!\d)", "abc1 def"))
print(re.match(r"(a)(b)?", "ac").groups(), re.match(r"(a)(b)?", "ac").groups("-"), re.match(r"(a)|(b)", "b").lastindex)
for bad in ("(", "a)", "[a", "*a", "a{2,1}", "\\q"):
    try:
        re.compile(bad)
    except re.error as e:
        print(type(e).__name__, e)
