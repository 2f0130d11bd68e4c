# int() and float() read any Unicode decimal digits and spaces, as CPython
# does, and their ValueError quotes the text as given (int's cut at 200
# characters).


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


t("arabic-indic", lambda: int("١٢"))
t("ideographic space", lambda: int("\u3000١٢\u2003"))
t("trailing x", lambda: int("١٢x"))
t("e-acute inside", lambda: int("١٢é3"))
t("float arabic", lambda: float("١.٥"))
t("float bad", lambda: float("١.٥z"))
t("math digits base 0", lambda: int("𝟗𝟘𝟙", 0))
t("base 16", lambda: int("٣", 16))
t("nbsp", lambda: int("\xa012\xa0"))
t("nel float", lambda: float("\x85 1e3"))
t("nko", lambda: int("߀߉"))
t("devanagari", lambda: int("-१२३"))
t("fullwidth", lambda: int("１２３"))
t("long ascii", lambda: int("x" * 300))
t("long e-acute", lambda: int("é" * 300))
t("long float", lambda: float("y" * 250))
for s in ("1_", "\x00", "a'b", "1e5e", "", "  "):
    t(repr(s), lambda: int(s))
    t(repr(s), lambda: float(s))
