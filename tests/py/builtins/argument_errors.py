# CPython's exact messages for bad arguments to builtins and str methods:
# None is named 'None', arguments are checked in CPython's order.


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


t("str(1, 2)", lambda: str(1, 2))
t("str('a', 'utf-8')", lambda: str("a", "utf-8"))
t("str(1, 'utf-8')", lambda: str(1, "utf-8"))
t("str(errors=None)", lambda: str(errors=None))
t("'{}'.format_map", lambda: "{}".format_map({}))
t("'{0}'.format_map", lambda: "{0}".format_map({}))
t("'{a}{{}}'.format_map", lambda: "{a}{{}}".format_map({"a": 1}))
t("'{a[0]}'.format_map", lambda: "{a[0]}".format_map({"a": [5]}))
t("'{a!r:>5}'.format_map", lambda: "{a!r:>5}".format_map({"a": "x"}))
t("'{b}'.format_map", lambda: "{b}".format_map({"a": "x"}))
t("find(1)", lambda: "abc".find(1))
t("find(1, 'x')", lambda: "abc".find(1, "x"))
t("startswith(1, 'x')", lambda: "abc".startswith(1, "x"))
t("startswith(1)", lambda: "abc".startswith(1))
t("split(1, 'x')", lambda: "abc".split(1, "x"))
t("split(None, 10**30)", lambda: "abc".split(None, 10**30))
t("center(5, 1)", lambda: "abc".center(5, 1))
t("center(5, 'ab')", lambda: "abc".center(5, "ab"))
t("maketrans(1, 2)", lambda: str.maketrans(1, 2))
t("maketrans(1, 'a')", lambda: str.maketrans(1, "a"))
t("maketrans('a', 'b', 3)", lambda: str.maketrans("a", "b", 3))
t("maketrans('a', 'b', None)", lambda: str.maketrans("a", "b", None))
t("int('10', 1)", lambda: int("10", 1))
t("int('10', 37)", lambda: int("10", 37))
t("int('10', 10**30)", lambda: int("10", 10**30))
t("int(base=10)", lambda: int(base=10))
t("int(10, 10)", lambda: int(10, 10))
t("int(10, 99)", lambda: int(10, 99))
t("int('10', None)", lambda: int("10", None))
t("int('10', 2.0)", lambda: int("10", 2.0))
t("int('z', 36)", lambda: int("z", 36))
t("sum()", lambda: sum())
t("sum(start=1)", lambda: sum(start=1))
t("[].sort(1)", lambda: [].sort(1))
t("[].sort(1, 2, 3)", lambda: [].sort(1, 2, 3))
t("reversed()", lambda: reversed())
t("reversed(1, 2)", lambda: reversed(1, 2))
t("format(1, None)", lambda: format(1, None))
t("compile('1', None, 'eval')", lambda: compile("1", None, "eval"))
t("compile('1', 'x', None)", lambda: compile("1", "x", None))
t("open('x', None)", lambda: open("x", None))

# set operations with several operands keep CPython's iteration order
print({1, 2, 3}.union([4], [5, 1]))
print({1, 2, 3}.difference([4], [5, 1]))
print({1, 2, 3}.intersection([4, 1], [5, 1]))
print(frozenset({1, 2, 3}).union([4], [5, 1]))
s = {8, 1}
print(s.union([2]), s.copy(), set(s), frozenset(s), s | {2})
print({"a", "b", "c", "d"}.union(["x"], ["y", "z"]))
print({"apple", "kiwi", "fig"}.difference(["x"], ["kiwi"]))
