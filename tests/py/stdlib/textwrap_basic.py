import textwrap

text = ("The quick brown fox jumps over the lazy dog. A well-known pangram, used "
        "for type specimens, keyboard tests and font-rendering checks everywhere.")
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, width=40))
print(textwrap.fill(text, width=25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, width=50))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world", width=11))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10, break_long_words=False))
print(textwrap.fill(text, 30, max_lines=3))
print(textwrap.wrap("tabs\tand\tspaces  mixed", 12))
code = """
    def f():
        return 1

    print(f())
"""
print(repr(textwrap.dedent(code)))
print(textwrap.indent("a\nb\n\nc\n", "> "), end="")
print(textwrap.indent("a\n\nb", "+", lambda line: True))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("one two", 100))
print(textwrap.wrap("a-b c-d-e long-hyphenated-compound-word here", 12))
