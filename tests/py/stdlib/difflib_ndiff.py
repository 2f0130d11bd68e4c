import difflib

a = ["one\n", "two\n", "three\n", "four\n"]
b = ["one\n", "tree\n", "three\n", "five\n", "four\n"]
print("".join(difflib.ndiff(a, b)), end="")
print("".join(difflib.ndiff(["\tindented line\n"], ["\tindented lime\n"])), end="")
print("".join(difflib.ndiff(["abcdefg\n"], ["xyz\n"])), end="")
