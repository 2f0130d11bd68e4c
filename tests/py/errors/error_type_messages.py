for expr in ("1 + 'a'", "'a' - 1", "[] * []", "len(5)", "n()", "{}[[]]", "int('x')", "[].pop()", "(1).foo",
             "'abc'.index('z')", "[1, 2].remove(3)", "abs()", "ord(1)", "1 < 'a'", "- 'a'", "~1.5", "hash([])",
             "iter(1)", "next(iter([]))", "{}.popitem()", "(1, 2)[5]", "'x' * 1.5", "2 ** 'a'", "divmod(1, 0)"):
    try:
        eval(expr, {'n': None})
    except Exception as e:
        print("%-22s %s: %s" % (expr, type(e).__name__, e))
