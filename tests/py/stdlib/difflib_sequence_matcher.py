import difflib

s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.ratio(), s.quick_ratio(), s.real_quick_ratio())
print([tuple(m) for m in s.get_matching_blocks()])
for op in s.get_opcodes():
    print(op)
s = difflib.SequenceMatcher(lambda c: c == " ", "private Thread currentThread;", "private volatile Thread currentThread;")
print(s.get_opcodes())
print(round(difflib.SequenceMatcher(None, [1, 2, 3, 4], [2, 3, 4, 5]).ratio(), 3))
print(tuple(difflib.SequenceMatcher(None, "qabxcd", "abycdf").find_longest_match(0, 6, 0, 6)))
