# str's case methods follow CPython 3.11 for every script: full mappings
# (one character may become several), title case in title()/capitalize(),
# Greek final sigma, and the isupper/islower/istitle tests.
chars = "ＡａⒶⓐⅫⅻǅǄǆﬁẞßŉΐİıϐϑᏸꭰ𐐀𐐨ႠⴀᲐაꙀꙁ𞤀𞤢ǰ"
for c in chars:
    print(ascii(c), ascii(c.upper()), ascii(c.lower()), ascii(c.title()),
          ascii(c.casefold()), ascii(c.swapcase()), ascii(c.capitalize()),
          c.isupper(), c.islower(), c.istitle())
words = ["straße", "ǆungla ǅ", "ﬁre ﬂy", "ΟΔΟΣ ΟΔΟΣ.", "ΣΑΣ", "ᏸᏸ ꭰ",
         "hello wORLD", "they're bill's", "İstanbul", "ǉubljana", "Ⅻ o'clock",
         "𐐨𐐩 𐐀𐐁", "Σ", "aΣ", "aΣb", "aΣ'", "a'Σ", "A.Σ."]
for w in words:
    print(ascii(w), ascii(w.upper()), ascii(w.lower()), ascii(w.title()),
          ascii(w.capitalize()), ascii(w.swapcase()), ascii(w.casefold()),
          w.isupper(), w.islower(), w.istitle())
print(sum(chr(c).isupper() for c in range(0xD800)),
      sum(chr(c).islower() for c in range(0xD800)),
      sum(chr(c).istitle() for c in range(0xD800)))
