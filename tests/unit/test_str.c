/* test_str.c — str: identity and interning (seed 001's table), UTF-8
 * validation, code-point indexing over non-ASCII text, the protocol slots,
 * random operations checked against python3, character classes and case
 * mapping checked code point by code point, and allocation failure in
 * every constructor and growing operation. */
#define _GNU_SOURCE
#include "strcheck.h"
#include "types/types.h" /* the interning table's size */

/* Asserts s holds exactly text, and releases s. */
static void expect_text(rc_object *s, const char *text) {
    assert_non_null(s);
    assert_true(rc_is_str(s));
    assert_string_equal(rc_str_utf8(s), text);
    assert_int_equal(rc_str_size(s), strlen(text));
    rc_decref(s);
}

static void expect_error(rc_runtime *rt, rc_status st, const char *msg) {
    assert_int_equal(rc_last_error(rt), st);
    assert_string_equal(rc_last_error_message(rt), msg);
    rc_clear_error(rt);
}

static size_t interned_count(rc_runtime *rt) {
    return rt->types->str.interned_n;
}

/* ====================================================================== */
/* Identity and interning                                                  */
/* ====================================================================== */

/* Seed 001: a = "good"; b = "good"; a is b -> True, but two
 * "very good morning" constants are equal and distinct. */
static void seed_identity(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    rc_object *a = rc_str_constant(rt, "good", 4);
    rc_object *b = rc_str_constant(rt, "good", 4);
    assert_ptr_equal(a, b);
    assert_true(rc_str_is_interned(a));
    rc_object *c = rc_str_constant(rt, "very good morning", 17);
    rc_object *d = rc_str_constant(rt, "very good morning", 17);
    assert_ptr_not_equal(c, d);
    assert_int_equal(rc_equal(c, d), 1);
    assert_false(rc_str_is_interned(c));
    /* built at run time: equal, never interned, never the constant */
    rc_object *e = rc_str_from_utf8(rt, "good", 4);
    assert_ptr_not_equal(e, a);
    assert_false(rc_str_is_interned(e));
    assert_int_equal(rc_equal(e, a), 1);
    /* sys.intern gives the canonical object */
    rc_object *f = rc_str_intern_object(e);
    assert_ptr_equal(f, a);
    rc_object *g = rc_str_intern(rt, "good");
    assert_ptr_equal(g, a);
    /* a new text becomes canonical itself */
    rc_object *h = S(rt, "fresh text!");
    rc_object *i = rc_str_intern_object(h);
    assert_ptr_equal(i, h);
    assert_true(rc_str_is_interned(h));
    rc_object *j = rc_str_constant(rt, "fresh text!", 11);
    assert_ptr_not_equal(j, h); /* not identifier-like: a new constant */
    rc_object *k = rc_str_intern(rt, "fresh text!");
    assert_ptr_equal(k, h);
    rc_object *objs[] = {a, b, c, d, e, f, g, h, i, j, k};
    for (size_t n = 0; n < sizeof objs / sizeof *objs; n++)
        rc_decref(objs[n]);
    rc_runtime_free(rt);
}

/* One-character Latin-1 strs are cached and immortal; indexing and
 * iteration return them; other single characters are not cached. */
static void single_characters(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    rc_object *a = rc_str_constant(rt, "a", 1);
    rc_object *s = S(rt, "cab\xc3\xa9\xe4\xb8\xad");
    rc_object *a2 = rc_str_getitem(s, 1);
    assert_ptr_equal(a, a2);
    assert_true(rc_refcnt(a) >= RC_IMMORTAL);
    rc_object *e1 = rc_str_getitem(s, 3),
              *e2 = rc_str_constant(rt, "\xc3\xa9", 2);
    assert_ptr_equal(e1, e2);
    rc_object *e3 = rc_str_intern(rt, "\xc3\xa9");
    assert_ptr_equal(e1, e3);
    rc_object *z1 = rc_str_getitem(s, -1), *z2 = rc_str_getitem(s, 4);
    assert_ptr_not_equal(z1, z2); /* U+4E2D is not Latin-1 */
    assert_int_equal(rc_equal(z1, z2), 1);
    rc_object *z3 = rc_str_constant(rt, "\xe4\xb8\xad", 3),
              *z4 = rc_str_constant(rt, "\xe4\xb8\xad", 3);
    assert_ptr_not_equal(z3, z4);
    rc_object *empty1 = rc_str_constant(rt, "", 0),
              *empty2 = rc_str_constant(rt, NULL, 0);
    assert_ptr_equal(empty1, empty2);
    rc_object *objs[] = {a, s, a2, e1, e2, e3, z1, z2, z3, z4, empty1, empty2};
    for (size_t n = 0; n < sizeof objs / sizeof *objs; n++)
        rc_decref(objs[n]);
    rc_runtime_free(rt);
}

/* The table holds no references: a dying interned str leaves it, and the
 * same text interned later is a new object. */
static void interned_strings_are_mortal(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    size_t base = interned_count(rt);
    rc_object *s = rc_str_intern(rt, "transient_name");
    assert_int_equal(rc_refcnt(s), 1); /* the caller's reference only */
    assert_int_equal(interned_count(rt), base + 1);
    rc_object *t = rc_str_constant(rt, "transient_name", 14);
    assert_ptr_equal(s, t);
    assert_int_equal(rc_refcnt(s), 2);
    rc_decref(t);
    rc_decref(s); /* dies: leaves the table */
    assert_int_equal(interned_count(rt), base);
    rc_object *u = rc_str_from_utf8(rt, "transient_name", 14);
    assert_false(rc_str_is_interned(u));
    rc_object *v = rc_str_intern_object(u); /* u becomes the canonical one */
    assert_ptr_equal(v, u);
    assert_int_equal(rc_refcnt(u), 2);
    assert_int_equal(interned_count(rt), base + 1);
    rc_decref(v);
    rc_decref(u);
    assert_int_equal(interned_count(rt), base);
    rc_runtime_free(rt);
}

/* Interning and dropping many texts never grows the table beyond what the
 * live entries need. */
static void intern_table_is_bounded(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    char name[32];
    long rounds = 100000 * test_scale();
    for (long i = 0; i < rounds; i++) {
        snprintf(name, sizeof name, "name_%ld", i);
        rc_object *s = rc_str_intern(rt, name);
        assert_non_null(s);
        rc_decref(s);
        assert_true(rt->types->str.interned_cap <= 64);
    }
    enum { KEEP = 20000 };
    rc_object **kept = malloc(KEEP * sizeof *kept);
    for (int i = 0; i < KEEP; i++) {
        snprintf(name, sizeof name, "kept_%d", i);
        kept[i] = rc_str_intern(rt, name);
    }
    assert_int_equal(interned_count(rt), KEEP);
    assert_true(rt->types->str.interned_cap >= 2 * KEEP);
    for (int i = 0; i < KEEP; i++)
        rc_decref(kept[i]);
    assert_int_equal(interned_count(rt), 0);
    rc_object *s = rc_str_intern(rt, "after");
    assert_true(rt->types->str.interned_cap <= 64); /* shrank */
    rc_decref(s);
    free(kept);
    rc_runtime_free(rt);
}

/* Random interning and dropping against a model: every live interned text
 * is found again as the same object (backward-shift deletion keeps probe
 * chains intact). */
static void intern_table_random(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    enum { NAMES = 600 };
    rc_object *live[NAMES] = {0};
    uint64_t rng = 42;
    char name[32];
    long steps = 60000 * test_scale();
    for (long step = 0; step < steps; step++) {
        int k = (int)rng_below(&rng, NAMES);
        snprintf(name, sizeof name, "n%d", k * 7919);
        if (live[k]) {
            rc_object *again = rc_str_intern(rt, name);
            assert_ptr_equal(again, live[k]);
            rc_decref(again);
            if (rng_below(&rng, 2)) {
                rc_decref(live[k]);
                live[k] = NULL;
            }
        } else {
            live[k] = rc_str_intern(rt, name);
            assert_non_null(live[k]);
        }
    }
    size_t n = 0;
    for (int k = 0; k < NAMES; k++)
        n += live[k] != NULL;
    assert_int_equal(interned_count(rt), n);
    for (int k = 0; k < NAMES; k++)
        rc_xdecref(live[k]);
    assert_int_equal(interned_count(rt), 0);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* UTF-8 validation                                                        */
/* ====================================================================== */

static void utf8_validation(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    static const struct {
        const char *bytes;
        size_t n;
        const char *msg; /* Python's bytes.decode() message */
    } bad[] = {
        {"\xc0\x80", 2, "byte 0xc0 in position 0: invalid start byte"},
        {"\xc1\xbf", 2, "byte 0xc1 in position 0: invalid start byte"},
        {"ab\xe0\x80\x80", 5,
         "byte 0xe0 in position 2: invalid continuation byte"},
        {"\xe0\x9f\xbf", 3,
         "byte 0xe0 in position 0: invalid continuation byte"},
        {"\xf0\x80\x80\x80", 4,
         "byte 0xf0 in position 0: invalid continuation byte"},
        {"\xf0\x8f\xbf\xbf", 4,
         "byte 0xf0 in position 0: invalid continuation byte"},
        {"\xed\xa0\x80", 3,
         "byte 0xed in position 0: invalid continuation byte"},
        {"x\xed\xbf\xbf", 4,
         "byte 0xed in position 1: invalid continuation byte"},
        {"\xf4\x90\x80\x80", 4,
         "byte 0xf4 in position 0: invalid continuation byte"},
        {"\xf5\x80\x80\x80", 4, "byte 0xf5 in position 0: invalid start byte"},
        {"\xff", 1, "byte 0xff in position 0: invalid start byte"},
        {"\x80", 1, "byte 0x80 in position 0: invalid start byte"},
        {"abc\xbf", 4, "byte 0xbf in position 3: invalid start byte"},
        {"\xe4\xb8", 2, "bytes in position 0-1: unexpected end of data"},
        {"\xe4\xb8"
         "a",
         3, "bytes in position 0-1: invalid continuation byte"},
        {"\xf0\x9f\x98", 3, "bytes in position 0-2: unexpected end of data"},
        {"\xc3", 1, "byte 0xc3 in position 0: unexpected end of data"},
        {"\xc3"
         "a",
         2, "byte 0xc3 in position 0: invalid continuation byte"},
    };
    char msg[128];
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(msg, sizeof msg, "'utf-8' codec can't decode %s", bad[i].msg);
        assert_null(rc_str_from_utf8(rt, bad[i].bytes, bad[i].n));
        expect_error(rt, RC_EVALUE, msg);
        assert_null(rc_str_constant(rt, bad[i].bytes, bad[i].n));
        expect_error(rt, RC_EVALUE, msg);
    }
    assert_null(rc_str_intern(rt, "\xed\xa0\x80"));
    assert_int_equal(rc_last_error(rt), RC_EVALUE);
    static const struct {
        const char *bytes;
        size_t n, length;
    } good[] = {
        {"", 0, 0},
        {"\x00", 1, 1},
        {"\xc2\x80\xdf\xbf", 4, 2},                 /* U+0080 U+07FF */
        {"\xe0\xa0\x80\xef\xbf\xbf", 6, 2},         /* U+0800 U+FFFF */
        {"\xed\x9f\xbf\xee\x80\x80", 6, 2},         /* U+D7FF U+E000 */
        {"\xf0\x90\x80\x80\xf4\x8f\xbf\xbf", 8, 2}, /* U+10000 U+10FFFF */
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        rc_object *s = rc_str_from_utf8(rt, good[i].bytes, good[i].n);
        assert_non_null(s);
        assert_int_equal(rc_str_length(s), good[i].length);
        assert_int_equal(rc_str_size(s), good[i].n);
        assert_memory_equal(rc_str_utf8(s), good[i].bytes, good[i].n);
        assert_int_equal(rc_str_utf8(s)[good[i].n], '\0');
        rc_decref(s);
    }
    assert_null(rc_str_from_utf8(rt, NULL, 3));
    assert_int_equal(rc_last_error(rt), RC_EINVAL);
    rc_runtime_free(rt);
}

/* "decode h<hex>": rc_str_from_utf8 of the raw bytes. */
static void eval_decode(rc_runtime *rt, const char *line, sc_buf *out) {
    const char *p = strchr(line, 'h') + 1;
    char bytes[64];
    size_t n = 0;
    for (; p[0] && p[1] && n < sizeof bytes; p += 2) {
        unsigned v;
        sscanf(p, "%2x", &v);
        bytes[n++] = (char)v;
    }
    sc_tok_result(out, rt, rc_str_from_utf8(rt, bytes, n));
}

/* Random byte strings near the edges of UTF-8, decoded by rcgc and by
 * python3: the same text, or the same error message. */
static void utf8_against_python(void **state) {
    (void)state;
    static const unsigned char pool[] = {
        'a',  0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
        0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0,
        0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF, 0xB8, 0xAD, 0x98};
    rc_runtime *rt = new_rt();
    uint64_t rng = 77;
    size_t n = 8000 * (size_t)test_scale();
    sc_buf cases = {0};
    for (size_t i = 0; i < n; i++) {
        sc_puts(&cases, "decode h");
        for (size_t k = rng_below(&rng, 9); k > 0; k--)
            sc_printf(&cases, "%02x", pool[rng_below(&rng, sizeof pool)]);
        sc_puts(&cases, "\n");
    }
    print_message("%zu byte strings decode as in python3\n",
                  sc_check_all(rt, &cases, n, eval_decode));
    sc_free(&cases);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Non-ASCII text                                                          */
/* ====================================================================== */

#define ZH                                                                         \
    "python\xe5\x9e\x83\xe5\x9c\xbe\xe5\x9b\x9e\xe6\x94\xb6" /* python垃圾回收 \
                                                              */

static void nonascii_indexing(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    rc_object *s = S(rt, ZH "\xf0\x9f\x98\x80!"); /* python垃圾回收😀! */
    assert_int_equal(rc_str_length(s), 12);
    assert_int_equal(rc_len(s), 12);
    expect_text(rc_str_getitem(s, 6), "\xe5\x9e\x83");
    expect_text(rc_str_getitem(s, -2), "\xf0\x9f\x98\x80");
    expect_text(rc_str_getitem(s, -12), "p");
    assert_null(rc_str_getitem(s, 12));
    expect_error(rt, RC_EINDEX, "string index out of range");
    assert_null(rc_str_getitem(s, -13));
    expect_error(rt, RC_EINDEX, "string index out of range");
    expect_text(rc_str_slice(s, 6, 10, 1),
                "\xe5\x9e\x83\xe5\x9c\xbe\xe5\x9b\x9e\xe6\x94\xb6");
    /* s[::-1] and s[10:4:-2] */
    expect_text(rc_str_slice(s, 11, -1, -1),
                "!\xf0\x9f\x98\x80\xe6\x94\xb6\xe5\x9b\x9e\xe5\x9c\xbe\xe5\x9e"
                "\x83nohtyp");
    expect_text(rc_str_slice(s, 10, 4, -2),
                "\xf0\x9f\x98\x80\xe5\x9b\x9e\xe5\x9e\x83");
    rc_object *whole = rc_str_slice(s, 0, 12, 1);
    assert_ptr_equal(whole, s);
    rc_decref(whole);
    rc_object *sub = S(rt, "\xe5\x9b\x9e\xe6\x94\xb6"); /* 回收 */
    assert_int_equal(rc_str_find(s, sub, 0, PTRDIFF_MAX), 8);
    assert_int_equal(rc_str_find(s, sub, 9, PTRDIFF_MAX), -1);
    assert_int_equal(rc_str_rfind(s, sub, -5, PTRDIFF_MAX), 8);
    assert_int_equal(rc_contains(s, sub), 1);
    rc_decref(sub);
    rc_decref(s);
    rc_runtime_free(rt);
}

static void nonascii_methods(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    /* split on a fullwidth comma, strip ideographic spaces and '。' */
    rc_object *s = S(rt, "\xe3\x80\x80\xe5\xbc\x95\xe7\x94\xa8\xef\xbc\x8c"
                         "\xe5\x88\x86\xe4\xbb\xa3\xe3\x80\x82\xe3\x80\x80");
    rc_object *comma = S(rt, "\xef\xbc\x8c");
    rc_object *parts = rc_str_split(s, comma, -1);
    assert_int_equal(rc_list_size(parts), 2);
    assert_string_equal(rc_str_utf8(rc_list_get(parts, 0)),
                        "\xe3\x80\x80\xe5\xbc\x95\xe7\x94\xa8");
    rc_decref(parts);
    expect_text(rc_str_strip(s, NULL), "\xe5\xbc\x95\xe7\x94\xa8\xef\xbc\x8c"
                                       "\xe5\x88\x86\xe4\xbb\xa3\xe3\x80\x82");
    rc_object *chars = S(rt, "\xe3\x80\x82\xe3\x80\x80"); /* 。and U+3000 */
    expect_text(rc_str_rstrip(s, chars),
                "\xe3\x80\x80\xe5\xbc\x95\xe7\x94\xa8\xef\xbc\x8c\xe5\x88\x86"
                "\xe4\xbb\xa3");
    /* repr keeps Chinese, escapes U+3000 (not printable) */
    rc_object *r = rc_repr(s);
    assert_string_equal(
        rc_str_utf8(r),
        "'\\u3000\xe5\xbc\x95\xe7\x94\xa8\xef\xbc\x8c\xe5\x88\x86"
        "\xe4\xbb\xa3\xe3\x80\x82\\u3000'");
    rc_decref(r);
    rc_object *sep = S(rt, "\xf0\x9f\x91\x8d");
    rc_object *list = rc_list_new(rt);
    rc_list_append(list, comma);
    rc_list_append(list, chars);
    expect_text(rc_str_join(sep, list),
                "\xef\xbc\x8c\xf0\x9f\x91\x8d\xe3\x80\x82\xe3\x80\x80");
    expect_text(rc_str_upper(S(rt, "stra\xc3\x9f"
                                   "e \xce\xb1\xce\xb2 \xd0\xb6")),
                "STRASSE \xce\x91\xce\x92 \xd0\x96");
    /* Greek final sigma: ΟΔΟΣ -> οδος with ς at the end */
    expect_text(
        rc_str_lower(S(rt, "\xce\x9f\xce\x94\xce\x9f\xce\xa3 \xce\xa3")),
        "\xce\xbf\xce\xb4\xce\xbf\xcf\x82 \xcf\x83");
    rc_decref(list);
    rc_decref(sep);
    rc_decref(chars);
    rc_decref(comma);
    rc_decref(s);
    rc_runtime_free(rt);
}

/* Code points of a random mixed-width text, checked one by one (long
 * strings use the checkpoint table). */
static void long_nonascii_indexing(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    uint64_t rng = 7;
    static const char *const pieces[] = {"a", "\xc3\xa9", "\xe4\xb8\xad",
                                         "\xf0\x9f\x98\x80"};
    sc_buf text = {0};
    size_t *offs = malloc(3001 * sizeof *offs);
    long rounds = 30 * test_scale();
    for (long round = 0; round < rounds; round++) {
        size_t len = (size_t)rng_below(&rng, 3000);
        text.n = 0;
        sc_put(&text, "", 0);
        for (size_t i = 0; i < len; i++) {
            offs[i] = text.n;
            const char *p =
                pieces[round % 3 ? rng_below(&rng, 4) : 1 + rng_below(&rng, 3)];
            sc_puts(&text, p);
        }
        offs[len] = text.n;
        rc_object *s = rc_str_from_utf8(rt, text.p, text.n);
        assert_int_equal(rc_str_length(s), len);
        for (size_t i = 0; i < len; i++) {
            rc_object *c = rc_str_getitem(s, (ptrdiff_t)i);
            assert_int_equal(rc_str_size(c), offs[i + 1] - offs[i]);
            assert_memory_equal(rc_str_utf8(c), text.p + offs[i],
                                rc_str_size(c));
            rc_decref(c);
        }
        for (int k = 0; k < 20 && len; k++) {
            size_t a = (size_t)rng_below(&rng, len),
                   b = a + (size_t)rng_below(&rng, len - a + 1);
            rc_object *sl = rc_str_slice(s, (ptrdiff_t)a, (ptrdiff_t)b, 1);
            assert_int_equal(rc_str_length(sl), b - a);
            assert_memory_equal(rc_str_utf8(sl), text.p + offs[a],
                                offs[b] - offs[a]);
            /* find reports the code-point index of the first occurrence */
            ptrdiff_t at = rc_str_find(s, sl, 0, PTRDIFF_MAX);
            assert_true(at >= 0 && (size_t)at <= a);
            assert_memory_equal(text.p + offs[at], rc_str_utf8(sl),
                                rc_str_size(sl));
            rc_decref(sl);
        }
        rc_decref(s);
    }
    sc_free(&text);
    free(offs);
    rc_runtime_free(rt);
}

static ptrdiff_t naive_search(const char *h, size_t hn, const char *n,
                              size_t nn) {
    for (size_t j = 0; j + nn <= hn; j++)
        if (memcmp(h + j, n, nn) == 0)
            return (ptrdiff_t)j;
    return -1;
}

/* The two-way search against the obvious one, on the periodic needles and
 * haystacks over two letters that exercise its shifts. */
static void search_matches_naive(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    uint64_t rng = 3;
    char h[64], n[24];
    long rounds = 200000 * test_scale();
    for (long r = 0; r < rounds; r++) {
        size_t hn = (size_t)rng_below(&rng, 48),
               nn = (size_t)rng_below(&rng, 12);
        uint64_t bits = rng_next(&rng);
        for (size_t i = 0; i < hn; i++)
            h[i] = "ab"[(bits >> (i % 64)) & 1 ? (i % 3 == 0) : 0];
        size_t from = hn ? (size_t)rng_below(&rng, hn) : 0;
        for (size_t i = 0; i < nn; i++) /* mostly a piece of h, perturbed */
            n[i] = from + i < hn && rng_below(&rng, 8)
                       ? h[from + i]
                       : "ab"[rng_below(&rng, 2)];
        assert_int_equal(rc__str_search(h, hn, n, nn),
                         naive_search(h, hn, n, nn));
    }
    /* count() over the same kind of text */
    for (long r = 0; r < rounds / 20; r++) {
        char t[40];
        size_t tn = (size_t)rng_below(&rng, 40),
               sn = 1 + (size_t)rng_below(&rng, 4);
        for (size_t i = 0; i < tn; i++)
            t[i] = "aab"[rng_below(&rng, 3)];
        for (size_t i = 0; i < sn; i++)
            n[i] = "ab"[rng_below(&rng, 2)];
        ptrdiff_t want = 0;
        for (size_t j = 0; j + sn <= tn;)
            if (memcmp(t + j, n, sn) == 0)
                want++, j += sn;
            else
                j++;
        rc_object *s = rc_str_from_utf8(rt, t, tn),
                  *sub = rc_str_from_utf8(rt, n, sn);
        assert_int_equal(rc_str_count(s, sub), want);
        rc_decref(s);
        rc_decref(sub);
    }
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* The protocol                                                            */
/* ====================================================================== */

static void protocol_slots(void **state) {
    (void)state;
    rc_runtime *rt = new_rt(), *rt2 = new_rt();
    rc_object *a = S(rt, "hello \xe4\xb8\x96\xe7\x95\x8c");
    rc_object *b = rc_str_constant(rt, "hello \xe4\xb8\x96\xe7\x95\x8c", 12);
    rc_object *c = S(rt2, "hello \xe4\xb8\x96\xe7\x95\x8c");
    int64_t ha, hb, hc;
    assert_int_equal(rc_hash(a, &ha), 0);
    assert_int_equal(rc_hash(b, &hb), 0);
    assert_int_equal(rc_hash(c, &hc), 0);
    assert_true(ha == hb && ha == hc && ha != -1); /* same in every runtime */
    rc_object *e1 = S(rt, ""), *e2 = S(rt, "x");
    int64_t h1, h2;
    rc_hash(e1, &h1);
    rc_hash(e2, &h2);
    assert_true(h1 != h2 && h1 != ha);
    assert_int_equal(rc_equal(a, b), 1);
    assert_int_equal(rc_truth(a), 1);
    assert_int_equal(rc_truth(e1), 0);
    /* code-point order is UTF-8 byte order */
    rc_object *bmp = S(rt, "\xef\xbf\xbf"), *astral = S(rt, "\xf0\x90\x80\x80");
    assert_int_equal(rc_compare(bmp, astral, RC_LT), 1);
    assert_int_equal(rc_compare(e1, e2, RC_LT), 1);
    assert_int_equal(rc_compare(e2, e1, RC_GE), 1);
    rc_object *one = rc_int_from_i64(rt, 1);
    assert_int_equal(rc_equal(e2, one), 0);
    assert_true(rc_compare(e2, one, RC_LT) < 0);
    expect_error(rt, RC_ETYPE,
                 "'<' not supported between instances of 'str' and 'int'");
    rc_object *same = rc_str(a);
    assert_ptr_equal(same, a);
    rc_decref(same);
    /* sizeof: the whole block, text inline */
    size_t need = offsetof(rc__str, data) + rc_str_size(a) + 1;
    assert_true(rc_sizeof(a) >= need && rc_sizeof(a) < need + 16);
    assert_string_equal(rc_type_name(a), "str");
    rc_object *objs[] = {a, b, e1, e2, bmp, astral, one};
    for (size_t n = 0; n < sizeof objs / sizeof *objs; n++)
        rc_decref(objs[n]);
    rc_decref(c);
    rc_runtime_free(rt2);
    rc_runtime_free(rt);
}

/* hash() is CPython 3.11's under PYTHONHASHSEED=0 (values from CPython),
 * for Latin-1, UCS-2 and UCS-4 text alike. */
static void hash_matches_cpython(void **state) {
    (void)state;
    static const struct {
        const char *text;
        int64_t hash;
    } cases[] = {
        {"", 0},
        {"a", 4644417185603328019},
        {"b", -8420940591063670578},
        {"hello world!", 839851713330019024},
        {"\xc3\xa9", 6047309291227476195},                /* é */
        {"\xe4\xb8\xad\xe6\x96\x87", 501833946989431548}, /* 中文 */
        {"\xf0\x9f\x98\x80x", -8926728262118538918},      /* 😀x */
    };
    rc_runtime *rt = new_rt();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rc_object *s = S(rt, cases[i].text);
        int64_t h;
        assert_int_equal(rc_hash(s, &h), 0);
        assert_true(h == cases[i].hash);
        rc_decref(s);
    }
    rc_runtime_free(rt);
}

static void operators_and_errors(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    rc_object *ab = S(rt, "ab"), *two = rc_int_from_i64(rt, 2);
    rc_object *f = rc_float_from_double(rt, 2.0);
    expect_text(rc_number_add(ab, ab), "abab");
    expect_text(rc_number_multiply(ab, two), "abab");
    expect_text(rc_number_multiply(two, ab), "abab");
    assert_null(rc_number_add(ab, two));
    expect_error(rt, RC_ETYPE, "can only concatenate str (not \"int\") to str");
    assert_null(rc_number_add(two, ab));
    expect_error(rt, RC_ETYPE,
                 "unsupported operand type(s) for +: 'int' and 'str'");
    assert_null(rc_number_multiply(ab, f));
    expect_error(rt, RC_ETYPE,
                 "can't multiply sequence by non-int of type 'float'");
    assert_null(rc_number_multiply(ab, ab));
    expect_error(rt, RC_ETYPE,
                 "can't multiply sequence by non-int of type 'str'");
    assert_null(rc_number_subtract(ab, ab));
    expect_error(rt, RC_ETYPE,
                 "unsupported operand type(s) for -: 'str' and 'str'");
    assert_int_equal(rc_contains(ab, two), RC_ETYPE);
    expect_error(rt, RC_ETYPE,
                 "'in <string>' requires string as left operand, not int");
    assert_null(rc_getitem(ab, f));
    expect_error(rt, RC_ETYPE, "string indices must be integers, not 'float'");
    rc_object *huge =
        rc_int_from_string(rt, "100000000000000000000000000000", 10);
    assert_null(rc_getitem(ab, huge));
    expect_error(rt, RC_EINDEX, "cannot fit 'int' into an index-sized integer");
    assert_null(rc_number_multiply(ab, huge));
    expect_error(rt, RC_EOVERFLOW,
                 "cannot fit 'int' into an index-sized integer");
    assert_null(rc_str_repeat(ab, PTRDIFF_MAX / 2));
    expect_error(rt, RC_EOVERFLOW, "repeated string is too long");
    rc_object *list = rc_list_new(rt);
    rc_list_append(list, ab);
    rc_list_append(list, two);
    assert_null(rc_str_join(ab, list));
    expect_error(rt, RC_ETYPE,
                 "sequence item 1: expected str instance, int found");
    assert_null(rc_str_join(ab, two));
    expect_error(rt, RC_ETYPE, "can only join an iterable");
    rc_object *empty = S(rt, "");
    assert_null(rc_str_split(ab, empty, -1));
    expect_error(rt, RC_EVALUE, "empty separator");
    assert_null(rc_str_rsplit(ab, empty, 1));
    expect_error(rt, RC_EVALUE, "empty separator");
    assert_null(rc_str_strip(ab, two));
    expect_error(rt, RC_ETYPE, "strip arg must be None or str");
    assert_null(rc_str_intern_object(two));
    expect_error(rt, RC_ETYPE, "intern() argument must be str, not int");
    assert_int_equal(rc_str_find(ab, two, 0, PTRDIFF_MAX), RC_ETYPE);
    expect_error(rt, RC_ETYPE, "must be str, not int");
    assert_null(rc_str_replace(ab, two, ab, -1));
    expect_error(rt, RC_ETYPE, "replace() argument 1 must be str, not int");
    assert_int_equal(rc_str_startswith(ab, two), RC_ETYPE);
    expect_error(rt, RC_ETYPE,
                 "startswith first arg must be str or a tuple of str, not int");
    assert_null(rc_str_slice(ab, 0, 1, 0));
    expect_error(rt, RC_EVALUE, "slice step cannot be zero");
    assert_false(rc_str_isdigit(two));
    assert_null(rc_str_upper(two));
    expect_error(rt, RC_ETYPE,
                 "descriptor 'upper' for 'str' objects doesn't apply to a "
                 "'int' object");
    /* iteration */
    rc_object *it = rc_iter(ab), *x;
    assert_string_equal(rc_type_name(it), "str_iterator");
    assert_int_equal(rc_next(it, &x), 1);
    expect_text(x, "a");
    assert_int_equal(rc_next(it, &x), 1);
    expect_text(x, "b");
    assert_int_equal(rc_next(it, &x), 0);
    assert_int_equal(rc_next(it, &x), 0);
    rc_decref(it);
    rc_object *objs[] = {ab, two, f, huge, list, empty};
    for (size_t n = 0; n < sizeof objs / sizeof *objs; n++)
        rc_decref(objs[n]);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Random operations against python3                                       */
/* ====================================================================== */

/* A palette of 2-6 alphabet characters, so that random strings repeat
 * their characters and searches find something. */
typedef struct palette {
    size_t idx[6];
    size_t n;
} palette;

static void pick_palette(uint64_t *rng, palette *p) {
    p->n = 2 + (size_t)rng_below(rng, 5);
    for (size_t i = 0; i < p->n; i++)
        p->idx[i] = (size_t)rng_below(rng, SC_ALPHABET);
}

static void tok_random_text(uint64_t *rng, const palette *p, sc_buf *b,
                            size_t maxlen) {
    size_t len = (size_t)rng_below(rng, maxlen + 1);
    sc_buf t = {0};
    sc_put(&t, "", 0);
    for (size_t k = 0; k < len; k++) {
        size_t i = p->idx[rng_below(rng, p->n)];
        sc_put(&t, sc_alphabet[i], sc_char_len(i));
    }
    sc_tok_text(b, t.p, t.n);
    sc_free(&t);
}

static void tok_small_int(uint64_t *rng, sc_buf *b, long lo, long hi) {
    sc_tok_int(b, lo + (long)rng_below(rng, (uint64_t)(hi - lo + 1)));
}

static void tok_index(uint64_t *rng, sc_buf *b, bool none_ok) {
    if (none_ok && rng_below(rng, 4) == 0)
        sc_puts(b, "n");
    else if (rng_below(rng, 12) == 0)
        sc_tok_int(b, rng_below(rng, 2) ? 1000000000000LL : -1000000000000LL);
    else
        tok_small_int(rng, b, -14, 14);
}

static void tok_str_list(uint64_t *rng, const palette *p, sc_buf *b,
                         char kind) {
    size_t n = (size_t)rng_below(rng, 5);
    sc_printf(b, "%c[", kind);
    for (size_t i = 0; i < n; i++) {
        if (i)
            sc_puts(b, ",");
        if (rng_below(rng, 25) == 0)
            sc_tok_int(b, 5);
        else
            tok_random_text(rng, p, b, 4);
    }
    sc_puts(b, "]");
}

static const char *const str_ops[] = {
    "len",        "getitem",      "slice", "concat", "repeat",  "rrepeat",
    "contains",   "find",         "rfind", "count",  "split",   "rsplit",
    "splitlines", "join",         "strip", "lstrip", "rstrip",  "replace",
    "startswith", "endswith",     "upper", "lower",  "isdigit", "isalpha",
    "isspace",    "isidentifier", "repr",  "cmp",    "iter",
};

#define NSTR_OPS (sizeof str_ops / sizeof *str_ops)

/* The arguments after the subject string, by operation. */
static void gen_args(uint64_t *rng, const palette *p, const char *op,
                     sc_buf *b) {
    bool rare = rng_below(rng, 30) == 0;
    if (!strcmp(op, "getitem")) {
        tok_index(rng, b, false);
    } else if (!strcmp(op, "slice")) {
        tok_index(rng, b, true);
        sc_puts(b, " ");
        tok_index(rng, b, true);
        sc_puts(b, " ");
        if (rng_below(rng, 3) == 0)
            sc_puts(b, "n");
        else
            tok_small_int(rng, b, rare ? 0 : -4, 4);
    } else if (!strcmp(op, "repeat")) {
        if (rare)
            sc_tok_double(b, 2.0);
        else
            tok_small_int(rng, b, -2, 4);
    } else if (!strcmp(op, "find") || !strcmp(op, "rfind")) {
        tok_random_text(rng, p, b, 3);
        sc_puts(b, " ");
        tok_index(rng, b, false);
        sc_puts(b, " ");
        tok_index(rng, b, false);
    } else if (!strcmp(op, "split") || !strcmp(op, "rsplit")) {
        if (rng_below(rng, 3) == 0)
            sc_puts(b, "n");
        else
            tok_random_text(rng, p, b, 2);
        sc_puts(b, " ");
        tok_small_int(rng, b, -1, 3);
    } else if (!strcmp(op, "splitlines")) {
        sc_puts(b, rng_below(rng, 2) ? "b1" : "b0");
    } else if (!strcmp(op, "strip") || !strcmp(op, "lstrip") ||
               !strcmp(op, "rstrip")) {
        if (rng_below(rng, 3) == 0)
            sc_puts(b, "n");
        else
            tok_random_text(rng, p, b, 3);
    } else if (!strcmp(op, "replace")) {
        tok_random_text(rng, p, b, 2);
        sc_puts(b, " ");
        tok_random_text(rng, p, b, 3);
        sc_puts(b, " ");
        tok_small_int(rng, b, -1, 3);
    } else if (!strcmp(op, "startswith") || !strcmp(op, "endswith")) {
        if (rng_below(rng, 4) == 0)
            tok_str_list(rng, p, b, 't');
        else
            tok_random_text(rng, p, b, 3);
    } else if (!strcmp(op, "contains") || !strcmp(op, "concat") ||
               !strcmp(op, "cmp") || !strcmp(op, "count")) {
        if (rare && strcmp(op, "cmp") && strcmp(op, "count"))
            sc_tok_int(b, 5);
        else
            tok_random_text(rng, p, b, 3);
    } else if (!strcmp(op, "join")) {
        tok_str_list(rng, p, b, 'l');
    } else {
        b->n--; /* no arguments: drop the separating space */
    }
}

static void gen_str_case(uint64_t *rng, sc_buf *b) {
    palette p;
    pick_palette(rng, &p);
    const char *op = str_ops[rng_below(rng, NSTR_OPS)];
    sc_printf(b, "%s ", op);
    if (!strcmp(op, "rrepeat")) {
        tok_small_int(rng, b, -1, 3);
        sc_puts(b, " ");
        tok_random_text(rng, &p, b, 8);
    } else {
        tok_random_text(rng, &p, b, 10);
        sc_puts(b, " ");
        gen_args(rng, &p, op, b);
    }
    sc_puts(b, "\n");
}

static void oracle_methods(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    uint64_t rng = 2024;
    size_t n = 6000 * (size_t)test_scale();
    sc_buf cases = {0};
    for (size_t i = 0; i < n; i++)
        gen_str_case(&rng, &cases);
    size_t checked = sc_check_all(rt, &cases, n, sc_eval);
    print_message("%zu random str operations agree with python3\n", checked);
    sc_free(&cases);
    rc_runtime_free(rt);
}

/* Every character of the tested blocks, alone and in context, through
 * upper/lower/repr/the predicates. */
static void append_char_case(sc_buf *b, const char *op, uint32_t cp,
                             const char *before, const char *after) {
    char u[4];
    size_t n = rc__utf8_encode(cp, u);
    sc_buf t = {0};
    sc_puts(&t, before);
    sc_put(&t, u, n);
    sc_puts(&t, after);
    sc_printf(b, "%s ", op);
    sc_tok_text(b, t.p, t.n);
    sc_puts(b, "\n");
    sc_free(&t);
}

static void oracle_case_mapping(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    static const uint32_t blocks[][2] = {
        {0x0000, 0x058F}, {0x1E00, 0x1EFF}, {0xFF00, 0xFF60}};
    sc_buf cases = {0};
    size_t n = 0;
    for (size_t k = 0; k < 3; k++) {
        for (uint32_t cp = blocks[k][0]; cp <= blocks[k][1]; cp++) {
            append_char_case(&cases, "upper", cp, "", "");
            append_char_case(&cases, "lower", cp, "", "");
            append_char_case(&cases, "lower", cp, "A", ""); /* after a letter */
            append_char_case(&cases, "lower", cp, "\xce\xa3",
                             ""); /* Σ before */
            append_char_case(&cases, "lower", cp, "\xce\x91\xce\xa3",
                             ""); /* ΑΣ+cp */
            n += 5;
        }
    }
    size_t checked = sc_check_all(rt, &cases, n, sc_eval);
    print_message("%zu case mappings agree with python3\n", checked);
    sc_free(&cases);
    rc_runtime_free(rt);
}

/* The predicates and repr's printability for every BMP code point (and
 * a sample above it) that Unicode 3.2 already assigned, so that the check
 * does not depend on which Unicode version python3 has. */
static void oracle_character_classes(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    static const char *const ops[] = {"isalpha@32", "isdigit@32", "isspace@32",
                                      "repr@32"};
    sc_buf cases = {0};
    size_t n = 0;
    for (uint32_t cp = 0; cp < 0x30000; cp += cp < 0x10000 ? 1 : 61) {
        if (cp >= 0xD800 && cp < 0xE000)
            continue;
        for (size_t k = 0; k < 4; k++, n++)
            append_char_case(&cases, ops[k], cp, "", "");
    }
    /* the oracle answers "n" for code points unassigned in Unicode 3.2 */
    char **want = sc_oracle(&cases, n);
    if (!want)
        skip();
    size_t bad = 0, checked = 0;
    const char *line = cases.p;
    for (size_t i = 0; i < n; i++) {
        const char *end = strchr(line, '\n');
        char *one = strndup(line, (size_t)(end - line));
        line = end + 1;
        if (!want[i] || !strcmp(want[i], "n")) {
            free(one);
            continue;
        }
        sc_buf got = {0};
        sc_eval(rt, one, &got);
        checked++;
        if (strcmp(want[i], got.p) && bad++ < 20)
            print_message("%s\n  python: %s\n  rcgc:   %s\n", one, want[i],
                          got.p);
        sc_free(&got);
        free(one);
    }
    sc_oracle_free(want, n);
    print_message("%zu character classifications agree with python3\n",
                  checked);
    assert_int_equal(bad, 0);
    sc_free(&cases);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Allocation failure                                                      */
/* ====================================================================== */

typedef struct oom_inputs {
    rc_object *ascii, *zh, *sep, *list, *tuple, *chars, *old, *new_, *two;
    rc_object *emoji, *slice;
} oom_inputs;

/* list(iter(s)), any failure returned as NULL. */
static rc_object *iterate_into_list(rc_runtime *rt, rc_object *s) {
    rc_object *it = rc_iter(s), *list = rc_list_new(rt), *x;
    int r = it && list ? 0 : -1;
    while (r == 0 && (r = rc_next(it, &x)) == 1) {
        r = rc_list_append(list, x);
        rc_decref(x);
    }
    rc_xdecref(it);
    if (r < 0) {
        rc_xdecref(list);
        return NULL;
    }
    return list;
}

/* sys.intern of a str made at run time. */
static rc_object *intern_copy(rc_runtime *rt, const char *text) {
    rc_object *t = rc_str_from_cstr(rt, text);
    if (!t)
        return NULL;
    rc_object *r = rc_str_intern_object(t);
    rc_decref(t);
    return r;
}

/* Operation k on the inputs: a new reference, or NULL. */
static rc_object *oom_op(rc_runtime *rt, oom_inputs *in, int k) {
    static const char big[] =
        "0123456789abcdef0123456789abcdef0123456789abcdef"
        "0123456789abcdef0123456789abcdef0123456789abcdef"
        "0123456789abcdef0123456789abcdef0123456789abcdef"
        "0123456789abcdef0123456789abcdef0123456789abcdef"
        "0123456789abcdef0123456789abcdef0123456789abcdef"
        "0123456789abcdef0123456789abcdef0123456789abcdef"
        "0123456789abcdef0123456789abcdef0123456789abcdef";
    switch (k) {
    case 0:
        return rc_str_from_utf8(rt, "short", 5);
    case 1:
        return rc_str_from_utf8(rt, big, sizeof big - 1);
    case 2:
        return rc_str_from_format(rt, "%s-%d-%s", big, 42, big);
    case 3:
        return rc_str_intern(rt, "an_interned_name");
    case 4:
        return intern_copy(rt, "copy of a text");
    case 5:
        return rc_str_constant(rt, "very good morning", 17);
    case 6:
        return rc_str_constant(rt, "identifier_like", 15);
    case 7:
        return rc_str_concat(in->zh, in->ascii);
    case 8:
        return rc_str_repeat(in->zh, 40);
    case 9:
        return rc_str_slice(in->zh, 1, 9, 1);
    case 10:
        return rc_str_slice(in->zh, 9, -1, -2);
    case 11:
        return rc_str_getitem(in->zh, 3);
    case 12:
        return rc_getitem(in->zh, in->slice);
    case 13:
        return rc_str_split(in->zh, in->sep, -1);
    case 14:
        return rc_str_rsplit(in->zh, NULL, -1);
    case 15:
        return rc_str_splitlines(in->zh, true);
    case 16:
        return rc_str_join(in->sep, in->list);
    case 17:
        return rc_str_join(in->sep, in->ascii); /* via iteration */
    case 18:
        return rc_str_replace(in->zh, in->old, in->new_, -1);
    case 19:
        return rc_str_replace(in->ascii, in->sep, in->emoji, -1);
    case 20:
        return rc_str_upper(in->zh);
    case 21:
        return rc_str_lower(in->ascii);
    case 22:
        return rc_str_strip(in->zh, in->chars);
    case 23:
        return rc_repr(in->zh);
    case 24:
        return rc_number_multiply(in->two, in->zh);
    case 25:
        return iterate_into_list(rt, in->zh);
    case 26:
        return rc_str_format_percent(in->ascii, in->tuple);
    default:
        return NULL;
    }
}

#define OOM_OPS 27

static void oom_setup(rc_runtime *rt, oom_inputs *in) {
    in->ascii = S(rt, "a,b;c,d %s e,f");
    in->zh = S(rt, "\xe4\xb8\xad\xe6\x96\x87,\xf0\x9f\x98\x80 \xce\xa3\xce\x91,"
                   "\n\xe6\x88\x91\xe8\xb0\x83\xe7\x94\xa8\xe4\xba\x86 x,y\r\n"
                   "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 tail");
    in->sep = S(rt, ",");
    in->chars = S(rt, "\xe4\xb8\xad l");
    in->old = S(rt, "\xc3\xa9");
    in->new_ = S(rt, "[\xe6\x96\x87]");
    in->emoji = S(rt, "\xf0\x9f\x91\x8d\xf0\x9f\x91\x8d");
    in->two = rc_int_from_i64(rt, 3);
    in->list = rc_list_new(rt);
    rc_list_append(in->list, in->zh);
    rc_list_append(in->list, in->ascii);
    rc_list_append(in->list, in->emoji);
    in->tuple = rc_tuple_pack(rt, 1, in->zh);
    rc_object *one = rc_int_from_i64(rt, 1), *step = rc_int_from_i64(rt, 3);
    in->slice = rc_slice_new(rt, one, NULL, step);
    rc_decref(one);
    rc_decref(step);
    assert_non_null(in->slice);
}

static void oom_teardown(oom_inputs *in) {
    rc_object **all = (rc_object **)in;
    for (size_t i = 0; i < sizeof *in / sizeof(rc_object *); i++)
        rc_decref(all[i]);
}

/* Texts and counts of the inputs, to check a failed call changed none. */
static void oom_snapshot(oom_inputs *in, char *texts, size_t cap,
                         size_t counts[]) {
    rc_object **all = (rc_object **)in;
    texts[0] = '\0';
    for (size_t i = 0; i < sizeof *in / sizeof(rc_object *); i++) {
        counts[i] = rc_refcnt(all[i]);
        if (rc_is_str(all[i]))
            strncat(texts, rc_str_utf8(all[i]), cap - strlen(texts) - 1);
    }
}

/* Runs op k failing the n-th allocation from now (once or forever):
 * true if some allocation was refused. */
static bool oom_step(rc_runtime *rt, failing_alloc *fa, oom_inputs *in, int k,
                     long n, bool forever, size_t baseline) {
    char before[2048], after[2048];
    size_t c0[16], c1[16];
    oom_snapshot(in, before, sizeof before, c0);
    long failures = fa->failures;
    fa->forever = forever;
    fa->fail_at = fa->calls + n;
    rc_clear_error(rt);
    rc_object *r = oom_op(rt, in, k);
    fa->fail_at = 0;
    bool refused = fa->failures > failures;
    if (!r)
        assert_int_equal(rc_last_error(rt), RC_ENOMEM);
    else
        assert_true(rc_is_str(r) || rc_is_list(r));
    rc_xdecref(r);
    oom_snapshot(in, after, sizeof after, c1);
    assert_string_equal(before, after);
    assert_memory_equal(c0, c1,
                        sizeof(size_t) * (sizeof *in / sizeof(rc_object *)));
    rc_gc_collect(rt, 2); /* empties the free lists */
    assert_int_equal(rc_heap_check(rt), 0);
    assert_int_equal(fa->outstanding, baseline); /* nothing leaked */
    return refused;
}

static void oom_operation(int k, bool forever) {
    failing_alloc fa = {0};
    rc_config c = failing_config(&fa);
    c.passthrough = true; /* every block from the hook */
    rc_runtime *rt = rc_runtime_new(&c);
    assert_non_null(rt);
    oom_inputs in;
    oom_setup(rt, &in);
    rc_xdecref(oom_op(rt, &in, k)); /* warm the caches (latin1, tables) */
    rc_gc_collect(rt, 2);
    size_t baseline = fa.outstanding;
    for (long n = 1; oom_step(rt, &fa, &in, k, n, forever, baseline); n++)
        assert_true(n < 10000);
    oom_teardown(&in);
    rc_runtime_free(rt);
    assert_int_equal(fa.outstanding, 0);
    assert_int_equal(fa.live_blocks, 0);
}

static void oom_every_operation(void **state) {
    (void)state;
    for (int k = 0; k < OOM_OPS; k++) {
        oom_operation(k, false);
        oom_operation(k, true);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_identity),
        cmocka_unit_test(single_characters),
        cmocka_unit_test(interned_strings_are_mortal),
        cmocka_unit_test(intern_table_is_bounded),
        cmocka_unit_test(intern_table_random),
        cmocka_unit_test(utf8_validation),
        cmocka_unit_test(utf8_against_python),
        cmocka_unit_test(nonascii_indexing),
        cmocka_unit_test(nonascii_methods),
        cmocka_unit_test(long_nonascii_indexing),
        cmocka_unit_test(search_matches_naive),
        cmocka_unit_test(protocol_slots),
        cmocka_unit_test(hash_matches_cpython),
        cmocka_unit_test(operators_and_errors),
        cmocka_unit_test(oracle_methods),
        cmocka_unit_test(oracle_case_mapping),
        cmocka_unit_test(oracle_character_classes),
        cmocka_unit_test(oom_every_operation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
