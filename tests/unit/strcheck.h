/*
 * strcheck.h — checking str operations against CPython (test_str.c and
 * test_strformat.c include it).
 *
 * A case is one text line "OP TOKEN..." in the token language of
 * str_oracle.py. The test writes its cases to a file, str_oracle.py
 * computes each with Python and writes one result token per line; the test
 * then evaluates the same line with rcgc (sc_eval) and compares the tokens
 * byte for byte: the result's type and value, or the exception's name and
 * message. When python3 cannot be run the test is skipped, never passed.
 */
#ifndef RC_TEST_STRCHECK_H
#define RC_TEST_STRCHECK_H

#include "support.h"

#include <rcgc/objects.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__GNUC__)
#define SC_UNUSED __attribute__((unused))
#else
#define SC_UNUSED
#endif

/* ------------------------------------------------------------ buffers */

typedef struct sc_buf {
    char *p;
    size_t n, cap;
} sc_buf;

SC_UNUSED static void sc_put(sc_buf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        assert_non_null(b->p);
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

SC_UNUSED static void sc_puts(sc_buf *b, const char *s) {
    sc_put(b, s, strlen(s));
}

SC_UNUSED static void sc_printf(sc_buf *b, const char *fmt, ...) {
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof tmp);
    sc_put(b, tmp, (size_t)n);
}

SC_UNUSED static void sc_free(sc_buf *b) {
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

/* ------------------------------------------------------------- tokens */

/* "x" + hex of the UTF-8 bytes. */
SC_UNUSED static void sc_tok_text(sc_buf *b, const char *s, size_t n) {
    sc_put(b, "x", 1);
    for (size_t i = 0; i < n; i++)
        sc_printf(b, "%02x", (unsigned char)s[i]);
}

SC_UNUSED static void sc_tok_int(sc_buf *b, long long v) {
    sc_printf(b, "i%lld", v);
}

SC_UNUSED static void sc_tok_double(sc_buf *b, double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    sc_printf(b, "f%016llx", (unsigned long long)bits);
}

static void sc_tok_obj(sc_buf *b, rc_object *o);

SC_UNUSED static void sc_tok_items(sc_buf *b, rc_object *o, bool list) {
    size_t n = list ? rc_list_size(o) : rc_tuple_size(o);
    sc_puts(b, list ? "l[" : "t[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            sc_puts(b, ",");
        sc_tok_obj(b, list ? rc_list_get(o, (ptrdiff_t)i) : rc_tuple_get(o, i));
    }
    sc_puts(b, "]");
}

/* The token of an object of a type the oracle knows. */
SC_UNUSED static void sc_tok_obj(sc_buf *b, rc_object *o) {
    if (rc_is_str(o)) {
        sc_tok_text(b, rc_str_utf8(o), rc_str_size(o));
    } else if (rc_is_bool(o)) {
        sc_puts(b, rc_truth(o) ? "b1" : "b0");
    } else if (rc_is_int(o)) {
        rc_object *d = rc_int_format(o, 10);
        assert_non_null(d);
        sc_printf(b, "i%s", rc_str_utf8(d));
        rc_decref(d);
    } else if (rc_is_float(o)) {
        sc_tok_double(b, rc_float_value(o));
    } else if (rc_is_none(o)) {
        sc_puts(b, "n");
    } else if (rc_is_list(o) || rc_is_tuple(o)) {
        sc_tok_items(b, o, rc_is_list(o));
    } else {
        sc_printf(b, "?%s", rc_type_name(o));
    }
}

SC_UNUSED static const char *sc_error_name(rc_status st) {
    switch (st) {
    case RC_ETYPE:
    case RC_EHASH:
        return "TypeError";
    case RC_EVALUE:
        return "ValueError";
    case RC_EINDEX:
        return "IndexError";
    case RC_EKEY:
        return "KeyError";
    case RC_EOVERFLOW:
        return "OverflowError";
    case RC_EZERODIV:
        return "ZeroDivisionError";
    case RC_ENOMEM:
        return "MemoryError";
    default:
        return "?Error";
    }
}

/* The last error as a token. */
SC_UNUSED static void sc_tok_error(sc_buf *b, rc_runtime *rt) {
    const char *msg = rc_last_error_message(rt);
    sc_printf(b, "E%s:", sc_error_name(rc_last_error(rt)));
    for (size_t i = 0; msg[i]; i++)
        sc_printf(b, "%02x", (unsigned char)msg[i]);
}

/* A result: its token, or (NULL) the last error's. Releases r. */
SC_UNUSED static void sc_tok_result(sc_buf *b, rc_runtime *rt, rc_object *r) {
    if (r) {
        sc_tok_obj(b, r);
        rc_decref(r);
    } else {
        sc_tok_error(b, rt);
    }
}

static rc_object *sc_parse(rc_runtime *rt, const char **p);

static int sc_hexval(char c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* Items of "[tok,tok,...]" into list (a list, or for dicts alternating
 * key and value). */
SC_UNUSED static rc_object *sc_parse_items(rc_runtime *rt, const char **p,
                                           bool pairs) {
    rc_object *list = rc_list_new(rt);
    assert_non_null(list);
    assert_int_equal(**p, '[');
    (*p)++;
    while (**p != ']') {
        rc_object *o = sc_parse(rt, p);
        assert_int_equal(rc_list_append(list, o), 0);
        rc_decref(o);
        if (pairs) {
            assert_int_equal(**p, '=');
            (*p)++;
            o = sc_parse(rt, p);
            assert_int_equal(rc_list_append(list, o), 0);
            rc_decref(o);
        }
        if (**p == ',')
            (*p)++;
    }
    (*p)++;
    return list;
}

SC_UNUSED static rc_object *sc_parse_text(rc_runtime *rt, const char **p) {
    sc_buf t = {0};
    sc_put(&t, "", 0);
    while (isxdigit((unsigned char)(*p)[0]) &&
           isxdigit((unsigned char)(*p)[1])) {
        char c = (char)(sc_hexval((*p)[0]) * 16 + sc_hexval((*p)[1]));
        sc_put(&t, &c, 1);
        *p += 2;
    }
    rc_object *o = rc_str_from_utf8(rt, t.p, t.n);
    assert_non_null(o);
    sc_free(&t);
    return o;
}

SC_UNUSED static rc_object *sc_parse_number(rc_runtime *rt, const char **p,
                                            char kind) {
    char num[4096];
    size_t n = 0;
    while ((*p)[n] && (*p)[n] != ' ' && (*p)[n] != ',' && (*p)[n] != ']' &&
           (*p)[n] != '=')
        n++;
    assert_true(n < sizeof num);
    memcpy(num, *p, n);
    num[n] = '\0';
    *p += n;
    if (kind == 'i')
        return rc_int_from_string(rt, num, 10);
    uint64_t bits = strtoull(num, NULL, 16);
    double d;
    memcpy(&d, &bits, sizeof d);
    return rc_float_from_double(rt, d);
}

/* A new reference to the object of the token at *p (advanced past it). */
SC_UNUSED static rc_object *sc_parse(rc_runtime *rt, const char **p) {
    char kind = *(*p)++;
    rc_object *o = NULL, *items;
    switch (kind) {
    case 'x':
        return sc_parse_text(rt, p);
    case 'i':
    case 'f':
        o = sc_parse_number(rt, p, kind);
        break;
    case 'b':
        o = rc_bool_from(rt, *(*p)++ == '1');
        break;
    case 'n':
        o = rc_none(rt);
        break;
    case 'l':
        return sc_parse_items(rt, p, false);
    case 't':
        items = sc_parse_items(rt, p, false);
        o = rc_tuple_new(rt, rc_list_size(items));
        for (size_t i = 0; o && i < rc_list_size(items); i++) {
            rc_object *it = rc_list_get(items, (ptrdiff_t)i);
            rc_incref(it);
            rc_tuple_init_item(o, i, it);
        }
        rc_decref(items);
        break;
    case 'd':
        items = sc_parse_items(rt, p, true);
        o = rc_dict_new(rt);
        for (size_t i = 0; o && i + 1 < rc_list_size(items); i += 2)
            assert_int_equal(
                rc_dict_setitem(o, rc_list_get(items, (ptrdiff_t)i),
                                rc_list_get(items, (ptrdiff_t)i + 1)),
                0);
        rc_decref(items);
        break;
    default:
        fail_msg("bad token kind '%c'", kind);
    }
    assert_non_null(o);
    return o;
}

/* ------------------------------------------------------------ oracle */

/* Directory of this file (the tests' sources, where str_oracle.py is). */
SC_UNUSED static void sc_source_dir(char *out, size_t cap) {
    snprintf(out, cap, "%s", __FILE__);
    char *slash = strrchr(out, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(out, cap, ".");
}

/* Runs the oracle over the cases (lines): a malloc'ed array of n result
 * lines (each malloc'ed), or NULL when python3 cannot be run. */
SC_UNUSED static char **sc_oracle(const sc_buf *cases, size_t n) {
    char dir[1024], in[] = "/tmp/rcgc_str_in_XXXXXX",
                    out[] = "/tmp/rcgc_str_out_XXXXXX", cmd[3200];
    sc_source_dir(dir, sizeof dir);
    int fi = mkstemp(in), fo = mkstemp(out);
    assert_true(fi >= 0 && fo >= 0);
    assert_int_equal(write(fi, cases->p, cases->n), (ssize_t)cases->n);
    close(fi);
    close(fo);
    snprintf(cmd, sizeof cmd, "python3 '%s/str_oracle.py' '%s' '%s'", dir, in,
             out);
    int status = system(cmd);
    char **lines = NULL;
    FILE *f = status == 0 ? fopen(out, "r") : NULL;
    if (f) {
        lines = calloc(n, sizeof *lines);
        char *line = NULL;
        size_t cap = 0;
        for (size_t i = 0; i < n && getline(&line, &cap, f) > 0; i++) {
            line[strcspn(line, "\n")] = '\0';
            lines[i] = strdup(line);
        }
        free(line);
        fclose(f);
    }
    unlink(in);
    unlink(out);
    return lines;
}

SC_UNUSED static void sc_oracle_free(char **lines, size_t n) {
    for (size_t i = 0; lines && i < n; i++)
        free(lines[i]);
    free(lines);
}

/* Checks every case: evaluates line i with eval (which appends the result
 * token) and compares with the oracle. Prints each mismatch; fails if any.
 * Returns the number of cases checked. */
typedef void (*sc_evalfn)(rc_runtime *rt, const char *line, sc_buf *out);

SC_UNUSED static size_t sc_check_all(rc_runtime *rt, const sc_buf *cases,
                                     size_t n, sc_evalfn eval) {
    char **want = sc_oracle(cases, n);
    if (!want) {
        print_message("python3 is not available: skipping the oracle\n");
        skip();
    }
    size_t bad = 0;
    const char *line = cases->p;
    for (size_t i = 0; i < n; i++) {
        const char *end = strchr(line, '\n');
        char *one = strndup(line, (size_t)(end - line));
        sc_buf got = {0};
        rc_clear_error(rt);
        eval(rt, one, &got);
        if (!want[i] || strcmp(want[i], got.p) != 0) {
            if (bad++ < 20)
                print_message("case %zu: %s\n  python: %s\n  rcgc:   %s\n", i,
                              one, want[i] ? want[i] : "(none)", got.p);
        }
        sc_free(&got);
        free(one);
        line = end + 1;
    }
    sc_oracle_free(want, n);
    if (bad)
        fail_msg("%zu of %zu cases differ from python3", bad, n);
    return n;
}

/* Splits a case line into its op and argument objects (new references,
 * at most max). Returns the count. */
SC_UNUSED static size_t sc_split(rc_runtime *rt, const char *line, char *op,
                                 size_t opcap, rc_object **args, size_t max) {
    size_t k = strcspn(line, " ");
    assert_true(k < opcap);
    memcpy(op, line, k);
    op[k] = '\0';
    const char *p = line + k;
    size_t n = 0;
    while (*p == ' ') {
        p++;
        assert_true(n < max);
        args[n++] = sc_parse(rt, &p);
    }
    return n;
}

SC_UNUSED static void sc_release(rc_object **args, size_t n) {
    for (size_t i = 0; i < n; i++)
        rc_decref(args[i]);
}

/* ---------------------------------------------------------- evaluator */

SC_UNUSED static int64_t sc_i64(rc_object *o) {
    int64_t v;
    assert_int_equal(rc_int_to_i64(o, &v), 0);
    return v;
}

/* An int result, or (negative status) the error. */
SC_UNUSED static void sc_tok_index(sc_buf *b, rc_runtime *rt, ptrdiff_t r) {
    if (r < -1)
        sc_tok_error(b, rt);
    else
        sc_tok_int(b, r);
}

SC_UNUSED static void sc_tok_bool(sc_buf *b, rc_runtime *rt, int r) {
    if (r < 0)
        sc_tok_error(b, rt);
    else
        sc_puts(b, r ? "b1" : "b0");
}

/* None arguments stand for NULL (split's sep, strip's chars). */
SC_UNUSED static rc_object *sc_opt(rc_object *o) {
    return rc_is_none(o) ? NULL : o;
}

SC_UNUSED static void sc_tok_cmp(sc_buf *b, rc_runtime *rt, rc_object *x,
                                 rc_object *y) {
    char six[8] = "c";
    for (int op = RC_LT; op <= RC_GE; op++) {
        int r = rc_compare(x, y, (rc_cmp)op);
        if (r < 0) {
            sc_tok_error(b, rt);
            return;
        }
        six[1 + op] = r ? 'T' : 'F';
    }
    six[7] = '\0';
    sc_puts(b, six);
}

SC_UNUSED static rc_object *sc_iter_list(rc_runtime *rt, rc_object *s) {
    rc_object *it = rc_iter(s), *list = rc_list_new(rt), *x;
    assert_non_null(list);
    if (!it) {
        rc_decref(list);
        return NULL;
    }
    int r;
    while ((r = rc_next(it, &x)) == 1) {
        assert_int_equal(rc_list_append(list, x), 0);
        rc_decref(x);
    }
    rc_decref(it);
    if (r < 0) {
        rc_decref(list);
        return NULL;
    }
    return list;
}

SC_UNUSED static rc_object *sc_slice(rc_runtime *rt, rc_object **a) {
    rc_object *sl = rc_slice_new(rt, sc_opt(a[1]), sc_opt(a[2]), sc_opt(a[3]));
    assert_non_null(sl);
    rc_object *r = rc_getitem(a[0], sl);
    rc_decref(sl);
    return r;
}

/* Operations returning an object, by name; NULL op: not one of them. */
SC_UNUSED static bool sc_eval_object(rc_runtime *rt, const char *op,
                                     rc_object **a, rc_object **out) {
    rc_object *r;
    if (!strcmp(op, "getitem"))
        r = rc_getitem(a[0], a[1]);
    else if (!strcmp(op, "slice"))
        r = sc_slice(rt, a);
    else if (!strcmp(op, "concat") || !strcmp(op, "add"))
        r = rc_number_add(a[0], a[1]);
    else if (!strcmp(op, "repeat") || !strcmp(op, "rrepeat"))
        r = rc_number_multiply(a[0], a[1]);
    else if (!strcmp(op, "split"))
        r = rc_str_split(a[0], sc_opt(a[1]), (ptrdiff_t)sc_i64(a[2]));
    else if (!strcmp(op, "rsplit"))
        r = rc_str_rsplit(a[0], sc_opt(a[1]), (ptrdiff_t)sc_i64(a[2]));
    else if (!strcmp(op, "splitlines"))
        r = rc_str_splitlines(a[0], rc_truth(a[1]));
    else if (!strcmp(op, "join"))
        r = rc_str_join(a[0], a[1]);
    else if (!strcmp(op, "strip"))
        r = rc_str_strip(a[0], sc_opt(a[1]));
    else if (!strcmp(op, "lstrip"))
        r = rc_str_lstrip(a[0], sc_opt(a[1]));
    else if (!strcmp(op, "rstrip"))
        r = rc_str_rstrip(a[0], sc_opt(a[1]));
    else if (!strcmp(op, "replace"))
        r = rc_str_replace(a[0], a[1], a[2], (ptrdiff_t)sc_i64(a[3]));
    else if (!strcmp(op, "upper"))
        r = rc_str_upper(a[0]);
    else if (!strcmp(op, "lower"))
        r = rc_str_lower(a[0]);
    else if (!strcmp(op, "title"))
        r = rc_str_title(a[0]);
    else if (!strcmp(op, "capitalize"))
        r = rc_str_capitalize(a[0]);
    else if (!strcmp(op, "swapcase"))
        r = rc_str_swapcase(a[0]);
    else if (!strcmp(op, "casefold"))
        r = rc_str_casefold(a[0]);
    else if (!strcmp(op, "repr"))
        r = rc_repr(a[0]);
    else if (!strcmp(op, "iter"))
        r = sc_iter_list(rt, a[0]);
    else if (!strcmp(op, "mod"))
        r = rc_number_remainder(a[0], a[1]);
    else if (!strcmp(op, "format"))
        r = rc_format_value(a[0], rc_str_utf8(a[1]));
    else if (!strcmp(op, "sformat"))
        r = rc_str_format(a[0], a[1], a[2]);
    else
        return false;
    *out = r;
    return true;
}

/* Evaluates one case line with rcgc, appending the result token. */
SC_UNUSED static void sc_eval(rc_runtime *rt, const char *line, sc_buf *out) {
    char op[32];
    rc_object *a[8], *r;
    size_t n = sc_split(rt, line, op, sizeof op, a, 8);
    op[strcspn(op, "@")] = '\0'; /* "isalpha@32" is isalpha */
    if (sc_eval_object(rt, op, a, &r))
        sc_tok_result(out, rt, r);
    else if (!strcmp(op, "len"))
        sc_tok_index(out, rt, rc_len(a[0]));
    else if (!strcmp(op, "contains"))
        sc_tok_bool(out, rt, rc_contains(a[0], a[1]));
    else if (!strcmp(op, "find") || !strcmp(op, "rfind"))
        sc_tok_index(
            out, rt,
            (op[0] == 'f' ? rc_str_find : rc_str_rfind)(
                a[0], a[1], (ptrdiff_t)sc_i64(a[2]), (ptrdiff_t)sc_i64(a[3])));
    else if (!strcmp(op, "count"))
        sc_tok_index(out, rt, rc_str_count(a[0], a[1]));
    else if (!strcmp(op, "startswith"))
        sc_tok_bool(out, rt, rc_str_startswith(a[0], a[1]));
    else if (!strcmp(op, "endswith"))
        sc_tok_bool(out, rt, rc_str_endswith(a[0], a[1]));
    else if (!strcmp(op, "isdigit"))
        sc_tok_bool(out, rt, rc_str_isdigit(a[0]));
    else if (!strcmp(op, "isalpha"))
        sc_tok_bool(out, rt, rc_str_isalpha(a[0]));
    else if (!strcmp(op, "isspace"))
        sc_tok_bool(out, rt, rc_str_isspace(a[0]));
    else if (!strcmp(op, "isidentifier"))
        sc_tok_bool(out, rt, rc_str_isidentifier(a[0]));
    else if (!strcmp(op, "isupper"))
        sc_tok_bool(out, rt, rc_str_isupper(a[0]));
    else if (!strcmp(op, "islower"))
        sc_tok_bool(out, rt, rc_str_islower(a[0]));
    else if (!strcmp(op, "istitle"))
        sc_tok_bool(out, rt, rc_str_istitle(a[0]));
    else if (!strcmp(op, "cmp"))
        sc_tok_cmp(out, rt, a[0], a[1]);
    else
        fail_msg("unknown op %s", op);
    sc_release(a, n);
}

/* ----------------------------------------------------- random text */

/* Characters the random strings are made of: ASCII of every kind,
 * Latin-1, Latin Extended-A, Greek (with final-sigma contexts), Cyrillic,
 * CJK from the seeds, fullwidth forms, emoji, combining marks, Unicode
 * spaces and line separators, non-ASCII digits, unprintables. */
static const char *const sc_alphabet[] = {
    "a",
    "b",
    "c",
    "A",
    "B",
    "Z",
    "z",
    "_",
    "0",
    "1",
    "9",
    " ",
    " ",
    "\t",
    "\n",
    "\r",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1f",
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "'",
    "\"",
    "\\",
    ",",
    ".",
    "-",
    "%",
    "{",
    "}",
    "\xc3\xa9" /* é */,
    "\xc3\x9f" /* ß */,
    "\xc3\xbf" /* ÿ */,
    "\xc2\xa0" /* nbsp */,
    "\xc2\xad" /* soft hyphen */,
    "\xc2\x85" /* NEL */,
    "\xc2\xb2" /* ² */,
    "\xc5\x89" /* ŉ */,
    "\xc4\xb1" /* ı */,
    "\xc4\xb0" /* İ */,
    "\xc5\xb8" /* Ÿ */,
    "\xce\xa3" /* Σ */,
    "\xcf\x83" /* σ */,
    "\xcf\x82" /* ς */,
    "\xce\xac" /* ά */,
    "\xce\x90" /* ΐ */,
    "\xd0\x96" /* Ж */,
    "\xd0\xb6" /* ж */,
    "\xd0\x80" /* Ѐ */,
    "\xe4\xb8\xad" /* 中 */,
    "\xe6\x96\x87" /* 文 */,
    "\xe6\x88\x91" /* 我 */,
    "\xe8\xb0\x83" /* 调 */,
    "\xe7\x94\xa8" /* 用 */,
    "\xe4\xba\x86" /* 了 */,
    "\xef\xbc\xa1" /* Ａ */,
    "\xef\xbd\x9a" /* ｚ */,
    "\xef\xbc\x91" /* １ */,
    "\xf0\x9f\x98\x80" /* 😀 */,
    "\xf0\x9f\x91\x8d" /* 👍 */,
    "\xcc\x81" /* combining acute */,
    "\xe2\x80\xa8" /* U+2028 */,
    "\xe3\x80\x80" /* ideographic space */,
    "\xd9\xa3" /* Arabic-Indic 3 */,
    "\xe2\x91\xa0" /* ① */,
    "\xe2\x80\x8d" /* ZWJ */,
    "\xe1\xba\xa1" /* ạ */,
    "\xd6\x87" /* և */,
    "\xe2\x80\x99" /* ’ */,
};

#define SC_ALPHABET (sizeof sc_alphabet / sizeof sc_alphabet[0])

/* Bytes of alphabet entry i ("\x00" is one byte). */
SC_UNUSED static size_t sc_char_len(size_t i) {
    return sc_alphabet[i][0] ? strlen(sc_alphabet[i]) : 1;
}

/* A random string of up to maxlen characters into t (raw UTF-8). */
SC_UNUSED static void sc_random_text(uint64_t *rng, sc_buf *t, size_t maxlen,
                                     size_t alphabet) {
    size_t len = (size_t)rng_below(rng, maxlen + 1);
    t->n = 0;
    sc_put(t, "", 0);
    for (size_t k = 0; k < len; k++) {
        size_t i = (size_t)rng_below(rng, alphabet);
        sc_put(t, sc_alphabet[i], sc_char_len(i));
    }
}

/* A fresh runtime for one test. */
static inline rc_runtime *new_rt(void) {
    rc_runtime *rt = rc_runtime_new(NULL);
    assert_non_null(rt);
    return rt;
}

/* A new str of a C string, which must succeed. */
static inline rc_object *S(rc_runtime *rt, const char *text) {
    rc_object *s = rc_str_from_cstr(rt, text);
    assert_non_null(s);
    return s;
}

#endif
