print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\t"), repr("\x00\x7f"))
print(repr(1), repr(1.0), repr([1, "a"]), repr(None), repr((1,)), repr({}), repr(set()))
print(ascii("ü€"), repr("ü€"), ascii([1, "é"]))
print(repr("\u200b"), repr("\n\r"), repr("\\"))
