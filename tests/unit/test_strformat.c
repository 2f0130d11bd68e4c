/* test_strformat.c — formatting: the seeds' snippets, format(value, spec)
 * for a generated table of specs and values, printf-style % and
 * str.format, all checked against python3 (results and error messages);
 * and allocation failure in every formatting path. */
#define _GNU_SOURCE
#include "strcheck.h"

#define NELEMS(a) (sizeof(a) / sizeof((a)[0]))

static void expect_text(rc_object *s, const char *text) {
    assert_non_null(s);
    assert_string_equal(rc_str_utf8(s), text);
    rc_decref(s);
}

/* ====================================================================== */
/* The seeds                                                               */
/* ====================================================================== */

static void seed_snippets(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    /* '%s' % str(x) */
    rc_object *x = rc_int_from_i64(rt, 1);
    rc_object *sx = rc_str(x);
    rc_object *fmt = S(rt, "%s");
    expect_text(rc_number_remainder(fmt, sx), "1");
    /* 'object born,id:%s' % str(id(self)) */
    rc_object *id = rc_int_from_i64(rt, 140234567890123);
    rc_object *sid = rc_str(id);
    rc_object *born = S(rt, "object born,id:%s");
    expect_text(rc_str_format_percent(born, sid),
                "object born,id:140234567890123");
    /* '{} memory used: {} MB'.format(hint, memory) */
    rc_object *hint = S(rt, "after a = [1] * 10000000");
    rc_object *memory = rc_float_from_double(rt, 83.40625);
    rc_object *args = rc_tuple_pack(rt, 2, hint, memory);
    rc_object *tmpl = S(rt, "{} memory used: {} MB");
    expect_text(rc_str_format(tmpl, args, NULL),
                "after a = [1] * 10000000 memory used: 83.40625 MB");
    /* '我调用了{}'.format(s) */
    rc_object *called =
        S(rt, "\xe6\x88\x91\xe8\xb0\x83\xe7\x94\xa8\xe4\xba\x86{}");
    rc_object *s = S(rt, "__del__");
    rc_object *one = rc_tuple_pack(rt, 1, s);
    expect_text(rc_str_format(called, one, NULL),
                "\xe6\x88\x91\xe8\xb0\x83\xe7\x94\xa8\xe4\xba\x86__del__");
    rc_object *objs[] = {x,      sx,   fmt,  id,     sid, born, hint,
                         memory, args, tmpl, called, s,   one};
    for (size_t i = 0; i < sizeof objs / sizeof *objs; i++)
        rc_decref(objs[i]);
    rc_runtime_free(rt);
}

static void format_examples(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    rc_object *pi = rc_float_from_double(rt, 3.14159265);
    rc_object *big = rc_int_from_i64(rt, 1234567890);
    rc_object *zh = S(rt, "\xe4\xb8\xad\xe6\x96\x87");
    expect_text(rc_format_value(pi, ".2f"), "3.14");
    expect_text(rc_format_value(pi, "*^12.3e"), "*3.142e+00**");
    expect_text(rc_format_value(big, ","), "1,234,567,890");
    expect_text(rc_format_value(big, "#_x"), "0x4996_02d2");
    expect_text(rc_format_value(zh, ">6"), "    \xe4\xb8\xad\xe6\x96\x87");
    expect_text(rc_format_value(zh, "\xe4\xb8\x80<4"),
                "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\x80\xe4\xb8\x80");
    expect_text(rc_format_value(zh, ""), "\xe4\xb8\xad\xe6\x96\x87");
    assert_null(rc_format_value(zh, "d"));
    assert_int_equal(rc_last_error(rt), RC_EVALUE);
    assert_string_equal(rc_last_error_message(rt),
                        "Unknown format code 'd' for object of type 'str'");
    rc_object *none = rc_none(rt);
    expect_text(rc_format_value(none, ""), "None");
    assert_null(rc_format_value(none, ">5"));
    assert_int_equal(rc_last_error(rt), RC_ETYPE);
    rc_object *pct = S(rt, "100%% %s");
    assert_null(rc_str_format_percent(pct, NULL));
    assert_string_equal(rc_last_error_message(rt),
                        "not enough arguments for format string");
    rc_object *objs[] = {pi, big, zh, none, pct};
    for (size_t i = 0; i < sizeof objs / sizeof *objs; i++)
        rc_decref(objs[i]);
    rc_runtime_free(rt);
}

/* An absurd width fails at once with RC_ENOMEM (one allocation is asked
 * for the whole text), and leaves the runtime usable. */
static void huge_widths_fail_fast(void **state) {
    (void)state;
    rc_config c = rc_config_default();
    c.heap_limit = (size_t)64 << 20;
    rc_runtime *rt = rc_runtime_new(&c);
    assert_non_null(rt);
    rc_object *s = S(rt, "abc"), *one = rc_int_from_i64(rt, 1);
    rc_object *f = rc_float_from_double(rt, 2.5);
    static const char *const specs[] = {">1000000000000", "010000000000000,",
                                        "^99999999999999999"};
    for (size_t i = 0; i < NELEMS(specs); i++) {
        assert_null(rc_format_value(i ? one : s, specs[i]));
        assert_int_equal(rc_last_error(rt), RC_ENOMEM);
        assert_null(rc_format_value(f, specs[i]));
        assert_int_equal(rc_last_error(rt), RC_ENOMEM);
    }
    rc_object *star = S(rt, "%*d"), *w = rc_int_from_i64(rt, 1000000000000000);
    rc_object *args = rc_tuple_pack(rt, 2, w, one);
    assert_null(rc_str_format_percent(star, args));
    assert_int_equal(rc_last_error(rt), RC_ENOMEM);
    expect_text(rc_format_value(s, ">5"), "  abc");
    rc_object *objs[] = {s, one, f, star, w, args};
    for (size_t i = 0; i < NELEMS(objs); i++)
        rc_decref(objs[i]);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Generated cases against python3                                         */
/* ====================================================================== */

static const double sample_doubles[] = {
    0.0,
    -0.0,
    1.0,
    1.5,
    -2.5,
    0.1,
    3.14159265358979,
    1e16,
    1e-5,
    1234567.891,
    123456789012345678.0,
    1e300,
    5e-324,
    0.5,
    2.5,
    1e22,
    9.995,
    -0.0001,
    99.99,
    123.456,
    1e-300,
    0.00012345,
    7e100,
    -1e-7,
    1.0 / 3,
};

static const char *const sample_ints[] = {
    "0",
    "1",
    "-1",
    "42",
    "-42",
    "255",
    "1234567",
    "-987654321",
    "2147483648",
    "9223372036854775807",
    "-9223372036854775808",
    "10000000000000000000000000",
    "-1000000000000000000000000000000",
    "65",
    "20013",
    "1114111",
};

static const char *const sample_strs[] = {
    "",
    "abc",
    "\xe4\xb8\xad\xe6\x96\x87",
    "h\xc3\xa9llo w\xc3\xb6rld",
    "\xf0\x9f\x98\x80x",
    "tab\there",
    "it's",
    "a\"b",
};

static void tok_value(uint64_t *rng, sc_buf *b) {
    uint64_t kind = rng_below(rng, 10);
    if (kind < 3) {
        sc_printf(b, "i%s", sample_ints[rng_below(rng, NELEMS(sample_ints))]);
    } else if (kind < 4) {
        sc_puts(b, rng_below(rng, 2) ? "b1" : "b0");
    } else if (kind < 6) {
        sc_tok_double(b,
                      sample_doubles[rng_below(rng, NELEMS(sample_doubles))]);
    } else if (kind < 7) {
        static const double special[] = {1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0};
        uint64_t bits = rng_next(rng);
        double d;
        memcpy(&d, &bits, sizeof d);
        if (rng_below(rng, 3) == 0)
            d = special[rng_below(rng, 3)];
        else if (d != d || d - d != 0) /* keep random values finite */
            d = (double)(int64_t)bits / 1e6;
        sc_tok_double(b, d);
    } else {
        const char *s = sample_strs[rng_below(rng, NELEMS(sample_strs))];
        sc_tok_text(b, s, strlen(s));
    }
}

/* A random format spec (raw text). */
static void random_spec(uint64_t *rng, sc_buf *t) {
    static const char *const fills[] = {"*", "0", "\xe4\xb8\x80", " ", "x"};
    static const char aligns[] = "<>^=";
    static const char types[] = "bcdoxXneEfFgG%s";
    t->n = 0;
    sc_put(t, "", 0);
    if (rng_below(rng, 3) == 0) {
        if (rng_below(rng, 2))
            sc_puts(t, fills[rng_below(rng, NELEMS(fills))]);
        sc_put(t, &aligns[rng_below(rng, 4)], 1);
    }
    if (rng_below(rng, 4) == 0)
        sc_put(t, &"+- "[rng_below(rng, 3)], 1);
    if (rng_below(rng, 15) == 0)
        sc_puts(t, "z");
    if (rng_below(rng, 5) == 0)
        sc_puts(t, "#");
    if (rng_below(rng, 5) == 0)
        sc_puts(t, "0");
    if (rng_below(rng, 2))
        sc_printf(t, "%d", (int)rng_below(rng, 21));
    if (rng_below(rng, 5) == 0)
        sc_put(t, &",_"[rng_below(rng, 2)], 1);
    if (rng_below(rng, 3) == 0)
        sc_printf(t, ".%d", (int)rng_below(rng, 13));
    if (rng_below(rng, 4))
        sc_put(t, &types[rng_below(rng, sizeof types - 1)], 1);
    if (rng_below(rng, 60) == 0)
        sc_puts(t, "q");
}

static void gen_format_case(uint64_t *rng, sc_buf *b) {
    sc_buf spec = {0};
    random_spec(rng, &spec);
    sc_puts(b, "format ");
    tok_value(rng, b);
    sc_puts(b, " ");
    sc_tok_text(b, spec.p, spec.n);
    sc_puts(b, "\n");
    sc_free(&spec);
}

/* A printf-style conversion and an argument that usually suits it. */
static void random_conversion(uint64_t *rng, sc_buf *fmt, sc_buf *args) {
    static const char types[] = "sradiuxXoeEfFgGc";
    char type = types[rng_below(rng, sizeof types - 1)];
    sc_puts(fmt, "%");
    static const char flags[] = "-+ #0";
    for (int k = (int)rng_below(rng, 3); k > 0; k--)
        sc_put(fmt, &flags[rng_below(rng, 5)], 1);
    if (rng_below(rng, 2))
        sc_printf(fmt, "%d", (int)rng_below(rng, 16));
    if (rng_below(rng, 3) == 0)
        sc_printf(fmt, ".%d", (int)rng_below(rng, 10));
    sc_put(fmt, &type, 1);
    if (args->n > 2)
        sc_puts(args, ",");
    if (rng_below(rng, 12) == 0 || strchr("sra", type))
        tok_value(rng, args);
    else if (type == 'c' && rng_below(rng, 2))
        sc_puts(args, rng_below(rng, 2) ? "xe4b8ad" : "i20013");
    else if (strchr("eEfFgG", type) && rng_below(rng, 2))
        sc_tok_double(args,
                      sample_doubles[rng_below(rng, NELEMS(sample_doubles))]);
    else
        sc_printf(args, "i%s", sample_ints[rng_below(rng, 12)]);
}

static void gen_percent_case(uint64_t *rng, sc_buf *b) {
    sc_buf fmt = {0}, args = {0};
    sc_puts(&args, "t[");
    size_t n = 1 + (size_t)rng_below(rng, 3);
    for (size_t i = 0; i < n; i++) {
        sc_puts(&fmt, rng_below(rng, 2) ? "\xe4\xb8\xad|" : "<");
        random_conversion(rng, &fmt, &args);
        if (rng_below(rng, 8) == 0)
            sc_puts(&fmt, "%%");
    }
    if (rng_below(rng, 20) == 0) /* too many arguments */
        sc_puts(&args, ",i1");
    sc_puts(&args, "]");
    sc_puts(b, "mod ");
    sc_tok_text(b, fmt.p, fmt.n);
    sc_puts(b, " ");
    /* one argument: sometimes bare rather than in a tuple */
    if (n == 1 && rng_below(rng, 2) && !strchr(args.p + 2, ','))
        sc_put(b, args.p + 2, args.n - 3);
    else
        sc_puts(b, args.p);
    sc_puts(b, "\n");
    sc_free(&fmt);
    sc_free(&args);
}

/* A str.format template over positional arguments and two keywords. */
static void gen_sformat_case(uint64_t *rng, sc_buf *b) {
    static const char *const fields[] = {
        "{}",   "{0}",   "{1}",       "{2}",   "{a}",  "{b}",
        "{!r}", "{0!s}", "{a!r:>12}", "{{",    "}}",   "{0[0]}",
        "{c}",  "{",     "}",         "{0!x}", "{:x}",
    };
    sc_buf tmpl = {0}, spec = {0};
    sc_put(&tmpl, "", 0);
    size_t n = 1 + (size_t)rng_below(rng, 3);
    for (size_t i = 0; i < n; i++) {
        sc_puts(&tmpl, rng_below(rng, 2) ? "\xe6\x88\x91" : "-");
        if (rng_below(rng, 3) == 0) {
            random_spec(rng, &spec);
            sc_printf(&tmpl, "{%s:", rng_below(rng, 2) ? "" : "a");
            sc_put(&tmpl, spec.p, spec.n);
            sc_puts(&tmpl, "}");
        } else {
            sc_puts(&tmpl, fields[rng_below(rng, NELEMS(fields))]);
        }
    }
    sc_puts(b, "sformat ");
    sc_tok_text(b, tmpl.p, tmpl.n);
    sc_puts(b, " t[");
    for (int i = 0, k = (int)rng_below(rng, 4); i < k; i++) {
        if (i)
            sc_puts(b, ",");
        tok_value(rng, b);
    }
    sc_puts(b, "] d[x61=");
    tok_value(rng, b);
    sc_puts(b, ",x62=");
    tok_value(rng, b);
    sc_puts(b, "]\n");
    sc_free(&tmpl);
    sc_free(&spec);
}

static void oracle_format_spec(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    uint64_t rng = 99;
    size_t n = 12000 * (size_t)test_scale();
    sc_buf cases = {0};
    for (size_t i = 0; i < n; i++)
        gen_format_case(&rng, &cases);
    print_message("%zu format(value, spec) cases agree with python3\n",
                  sc_check_all(rt, &cases, n, sc_eval));
    sc_free(&cases);
    rc_runtime_free(rt);
}

static void oracle_percent(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    uint64_t rng = 5;
    size_t n = 6000 * (size_t)test_scale();
    sc_buf cases = {0};
    for (size_t i = 0; i < n; i++)
        gen_percent_case(&rng, &cases);
    print_message("%zu %%-formatting cases agree with python3\n",
                  sc_check_all(rt, &cases, n, sc_eval));
    sc_free(&cases);
    rc_runtime_free(rt);
}

static void oracle_str_format(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    uint64_t rng = 11;
    size_t n = 4000 * (size_t)test_scale();
    sc_buf cases = {0};
    for (size_t i = 0; i < n; i++)
        gen_sformat_case(&rng, &cases);
    print_message("%zu str.format cases agree with python3\n",
                  sc_check_all(rt, &cases, n, sc_eval));
    sc_free(&cases);
    rc_runtime_free(rt);
}

/* Hand-picked cases: the error messages the issue names, and corners. */
static void oracle_fixed_cases(void **state) {
    (void)state;
    static const char *const fixed[] = {
        /* '%s %s' % (1,)  and  '%s' % (1, 2) */
        "mod x2573202573 t[i1]",
        "mod x2573 t[i1,i2]",
        "mod x2564 x61",               /* '%d' % 'a' */
        "mod x2578 f3ff8000000000000", /* '%x' % 1.5 */
        "mod x2566 x61",               /* '%f' % 'a' */
        "mod x2528612973 d[x61=i1]",   /* '%(a)s' % {'a': 1} */
        "mod x2528612973 d[]",         /* KeyError 'a' */
        "mod x2528612973 i5",          /* format requires a mapping */
        "mod x2573 d[x61=i1]",         /* '%s' % {'a': 1}: the dict */
        "mod x68656c6c6f i5",          /* not all arguments converted */
        "mod x68656c6c6f t[]",
        "mod x68656c6c6f l[]",  /* a list is a mapping: no error */
        "mod x25 t[]",          /* incomplete format */
        "mod x2571 i1",         /* unsupported format character */
        "mod x2535 t[i1]",      /* '%5' */
        "mod x252a64 t[i5,i3]", /* '%*d' */
        "mod x252d2a647c t[i-5,i3]",
        "mod x252e2a66 t[i2,f400921f9f01b866e]",
        "mod x252a64 t[x61,i3]", /* * wants int */
        "mod x2563 i-1",
        "mod x2563 x6162",
        "mod x2564 f7ff0000000000000", /* '%d' % inf */
        "mod x2564 f7ff8000000000000", /* '%d' % nan */
        "mod x25612025723e xe4b8ad",   /* %a and %r */
        "mod x2528612925287829 d[x61=i1]",
        "sformat x7b307d7b317d t[i1] d[]", /* Replacement index 1 ... */
        "sformat x7b7d7b307d t[i1] d[]",
        "sformat x7b307d7b7d t[i1] d[]",
        "sformat x7b617d t[] d[]",
        "sformat x7b3a7b7d7d t[i1,i5] d[]",
        "sformat x7b3a7b3a7b7d7d7d t[i1,i2,i3] d[]",
        "format i5 x2e32", /* Precision not allowed */
        "format i5 x2b63",
        "format i5 x2c78",
        "format i5 x2c5f",
        "format i5 x7a",
        "format i5 x3939393939393939393939393939393939393939",
        "format f3ff8000000000000 x2e3266782e",
        "format x61 x3d35",
        "format n x35",
        "format l[] x",
        "format b1 x3e35", /* format(True, '>5') == '    1' */
        "format b1 x",
        "format i1114112 x63",
        "format f8000000000000000 x7a2e3166", /* format(-0.0, 'z.1f') */
    };
    rc_runtime *rt = new_rt();
    sc_buf cases = {0};
    for (size_t i = 0; i < NELEMS(fixed); i++) {
        sc_puts(&cases, fixed[i]);
        sc_puts(&cases, "\n");
    }
    sc_check_all(rt, &cases, NELEMS(fixed), sc_eval);
    sc_free(&cases);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Allocation failure                                                      */
/* ====================================================================== */

typedef struct fmt_inputs {
    rc_object *pct, *tuple, *dict, *tmpl, *args, *kwargs, *fl, *big, *zh;
} fmt_inputs;

static rc_object *fmt_op(fmt_inputs *in, int k) {
    switch (k) {
    case 0:
        return rc_str_format_percent(in->pct, in->tuple);
    case 1:
        return rc_str_format(in->tmpl, in->args, in->kwargs);
    case 2:
        return rc_format_value(in->fl, "*^40,.3f");
    case 3:
        return rc_format_value(in->big, "#0200_x");
    case 4:
        return rc_format_value(in->zh, "\xe4\xb8\x80^300");
    case 5:
        return rc_format_value(in->fl, "");
    case 6:
        return rc_format_value(in->fl, ".300e");
    default:
        return NULL;
    }
}

#define FMT_OPS 7

static void fmt_setup(rc_runtime *rt, fmt_inputs *in) {
    in->zh = S(rt, "\xe4\xb8\xad\xe6\x96\x87 text");
    in->fl = rc_float_from_double(rt, 1234567.891);
    in->big = rc_int_from_string(rt, "123456789012345678901234567890", 10);
    in->pct = S(rt, "%s|%-30r|%+.5d|%#x|%12.4e|%c");
    rc_object *k = S(rt, "k"), *c = rc_int_from_i64(rt, 0x4e2d);
    in->dict = rc_dict_new(rt);
    rc_dict_setitem(in->dict, k, in->zh);
    in->tuple =
        rc_tuple_pack(rt, 6, in->zh, in->zh, in->big, in->big, in->fl, c);
    rc_decref(c);
    in->tmpl = S(rt, "{0!r:>40} {k:^20} {1:,.2f} {0[1]} {{}} {2:#_b}");
    in->args = rc_tuple_pack(rt, 3, in->zh, in->fl, in->big);
    in->kwargs = in->dict;
    rc_incref(in->kwargs);
    rc_decref(k);
}

static void fmt_teardown(fmt_inputs *in) {
    rc_object **all = (rc_object **)in;
    for (size_t i = 0; i < sizeof *in / sizeof(rc_object *); i++)
        rc_decref(all[i]);
}

static bool fmt_step(rc_runtime *rt, failing_alloc *fa, fmt_inputs *in, int k,
                     long n, bool forever, size_t baseline,
                     const char *expect) {
    long failures = fa->failures;
    fa->forever = forever;
    fa->fail_at = fa->calls + n;
    rc_clear_error(rt);
    rc_object *r = fmt_op(in, k);
    fa->fail_at = 0;
    if (r)
        assert_string_equal(rc_str_utf8(r), expect);
    else
        assert_int_equal(rc_last_error(rt), RC_ENOMEM);
    rc_xdecref(r);
    assert_string_equal(rc_str_utf8(in->zh), "\xe4\xb8\xad\xe6\x96\x87 text");
    rc_gc_collect(rt, 2);
    assert_int_equal(rc_heap_check(rt), 0);
    assert_int_equal(fa->outstanding, baseline);
    return fa->failures > failures;
}

static void oom_format(void **state) {
    (void)state;
    for (int k = 0; k < FMT_OPS; k++) {
        for (int forever = 0; forever < 2; forever++) {
            failing_alloc fa = {0};
            rc_config c = failing_config(&fa);
            c.passthrough = true;
            rc_runtime *rt = rc_runtime_new(&c);
            assert_non_null(rt);
            fmt_inputs in;
            fmt_setup(rt, &in);
            rc_object *good = fmt_op(&in, k); /* also warms the caches */
            assert_non_null(good);
            rc_gc_collect(rt, 2);
            size_t baseline = fa.outstanding;
            long n = 1;
            while (fmt_step(rt, &fa, &in, k, n, forever, baseline,
                            rc_str_utf8(good)))
                assert_true(++n < 10000);
            assert_true(n > 1); /* at least one allocation was refused */
            rc_decref(good);
            fmt_teardown(&in);
            rc_runtime_free(rt);
            assert_int_equal(fa.outstanding, 0);
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_snippets),
        cmocka_unit_test(format_examples),
        cmocka_unit_test(huge_widths_fail_fast),
        cmocka_unit_test(oracle_fixed_cases),
        cmocka_unit_test(oracle_format_spec),
        cmocka_unit_test(oracle_percent),
        cmocka_unit_test(oracle_str_format),
        cmocka_unit_test(oom_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
