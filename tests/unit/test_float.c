/* test_float.c — float: repr (shortest round-trip, Python's layout) and
 * float(text) against CPython on generated doubles and literals (random
 * bit patterns, exact halfway cases, subnormals, long digit strings),
 * arithmetic and comparison against CPython, hashing consistent with int,
 * the free list (reuse, bound, emptied by full collections), fixed
 * notation's exact fast path against the C library, and allocation
 * failure. */
#include "num_oracle.h"
#include "types/num.h" /* rc__float_fixed */

#include <math.h>

static rc_runtime *new_rt(void) {
    rc_runtime *rt = rc_runtime_new(NULL);
    assert_non_null(rt);
    return rt;
}

static rc_object *F(rc_runtime *rt, double v) {
    rc_object *o = rc_float_from_double(rt, v);
    assert_non_null(o);
    return o;
}

static void assert_repr_of(rc_runtime *rt, double v, const char *want) {
    rc_object *f = F(rt, v);
    rc_object *r = rc_repr(f);
    assert_non_null(r);
    if (strcmp(rc_str_utf8(r), want) != 0)
        fail_msg("repr(%.17g): got %s, want %s", v, rc_str_utf8(r), want);
    rc_decref(r);
    r = rc_str(f);
    assert_string_equal(rc_str_utf8(r), want);
    rc_decref(r);
    rc_decref(f);
}

/* ====================================================================== */
/* Fixed cases                                                              */
/* ====================================================================== */

static void repr_examples(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    assert_repr_of(rt, 0.1, "0.1");
    assert_repr_of(rt, 1.0, "1.0");
    assert_repr_of(rt, 1e16, "1e+16");
    assert_repr_of(rt, 1e15, "1000000000000000.0");
    assert_repr_of(rt, 1e-5, "1e-05");
    assert_repr_of(rt, 1e-4, "0.0001");
    assert_repr_of(rt, 123456789.0, "123456789.0");
    assert_repr_of(rt, 1.2345678901234568e+17, "1.2345678901234568e+17");
    assert_repr_of(rt, INFINITY, "inf");
    assert_repr_of(rt, -INFINITY, "-inf");
    assert_repr_of(rt, NAN, "nan");
    assert_repr_of(rt, -0.0, "-0.0");
    assert_repr_of(rt, 0.0, "0.0");
    assert_repr_of(rt, 5e-324, "5e-324");
    assert_repr_of(rt, 1.7976931348623157e308, "1.7976931348623157e+308");
    assert_repr_of(rt, 2.5, "2.5");
    assert_repr_of(rt, -100.0, "-100.0");
    assert_repr_of(rt, 1.0 / 3.0, "0.3333333333333333");
    assert_repr_of(rt, 0.1 + 0.2, "0.30000000000000004");
    assert_repr_of(rt, 9007199254740993.0, "9007199254740992.0");
    assert_repr_of(rt, 2.2250738585072014e-308, "2.2250738585072014e-308");
    rc_runtime_free(rt);
}

static void parse_examples(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    static const struct {
        const char *text;
        double v;
    } ok[] = {{" 1.5 ", 1.5},
              {"-inf", -INFINITY},
              {" inf\t", INFINITY},
              {"+Infinity", INFINITY},
              {"1_000.000_1", 1000.0001},
              {"1e1_0", 1e10},
              {".5", 0.5},
              {"5.", 5.0},
              {"1E+3", 1000.0},
              {"1e400", INFINITY},
              {"-1e-400", -0.0},
              {"4.9e-324", 5e-324},
              {"2.4703282292062327e-324", 0.0},
              {"2.4703282292062328e-324", 5e-324}};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        rc_object *f = rc_float_from_string(rt, ok[i].text);
        if (!f)
            fail_msg("float('%s') failed", ok[i].text);
        assert_true(bits_of(rc_float_value(f)) == bits_of(ok[i].v));
        rc_decref(f);
    }
    rc_object *n = rc_float_from_string(rt, "nAn");
    assert_true(n && isnan(rc_float_value(n)));
    rc_decref(n);
    static const char *const bad[] = {
        "",     " ",       "1__0", "_1",  "1_",   "1._5",  "1e",   "e5",   ".",
        "0x10", "infinit", "in f", "--1", "1.5.", "1e5.0", "nan1", "\0341"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        rc_object *f = rc_float_from_string(rt, bad[i]);
        if (f)
            fail_msg("float('%s') succeeded", bad[i]);
        assert_int_equal(rc_last_error(rt), RC_EVALUE);
        rc_clear_error(rt);
    }
    assert_error(rt, rc_float_from_string(rt, "abc"), RC_EVALUE,
                 "could not convert string to float: 'abc'");
    rc_runtime_free(rt);
}

static void arithmetic_errors(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    rc_object *one = F(rt, 1.0), *zero = F(rt, 0.0), *mtwo = F(rt, -2.0);
    rc_object *half = F(rt, 0.5), *izero = rc_int_from_i64(rt, 0);
    assert_error(rt, rc_number_truediv(one, zero), RC_EZERODIV,
                 "float division by zero");
    assert_error(rt, rc_number_truediv(one, izero), RC_EZERODIV,
                 "float division by zero");
    assert_error(rt, rc_number_floordiv(one, zero), RC_EZERODIV,
                 "float floor division by zero");
    assert_error(rt, rc_number_remainder(one, zero), RC_EZERODIV,
                 "float modulo");
    assert_error(rt, rc_number_divmod(one, zero), RC_EZERODIV,
                 "float divmod()");
    assert_error(rt, rc_number_power(zero, mtwo), RC_EZERODIV,
                 "0.0 cannot be raised to a negative power");
    assert_error(rt, rc_number_power(mtwo, half), RC_EVALUE,
                 "negative number cannot be raised to a fractional power");
    rc_object *big = F(rt, 1e300);
    assert_error(rt, rc_number_power(big, F(rt, 2.0)), RC_EOVERFLOW,
                 "(34, 'Numerical result out of range')");
    assert_error(rt, rc_number_invert(one), RC_ETYPE,
                 "bad operand type for unary ~: 'float'");
    assert_error(rt, rc_number_and(one, one), RC_ETYPE,
                 "unsupported operand type(s) for &: 'float' and 'float'");
    rc_object *huge =
        rc_number_lshift(rc_int_from_i64(rt, 1), rc_int_from_i64(rt, 1100));
    assert_error(rt, rc_number_add(huge, one), RC_EOVERFLOW,
                 "int too large to convert to float");
    rc_decref(one), rc_decref(zero), rc_decref(mtwo), rc_decref(half);
    rc_decref(big), rc_decref(huge);
    rc_runtime_free(rt);
}

/* Comparisons are exact and never overflow; nan is unordered. */
static void comparisons(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    rc_object *one = F(rt, 1.0);
    rc_object *huge =
        rc_number_lshift(rc_int_from_i64(rt, 1), rc_int_from_i64(rt, 1100));
    assert_int_equal(rc_compare(huge, F(rt, 1.7976931348623157e308), RC_GT), 1);
    assert_int_equal(rc_compare(huge, F(rt, INFINITY), RC_LT), 1);
    rc_object *p53 =
        rc_number_lshift(rc_int_from_i64(rt, 1), rc_int_from_i64(rt, 53));
    rc_object *p53p1 = rc_number_add(p53, rc_int_from_i64(rt, 1));
    rc_object *f53 = F(rt, 9007199254740992.0);
    assert_int_equal(rc_equal(p53p1, f53), 0);
    assert_int_equal(rc_compare(p53p1, f53, RC_GT), 1);
    assert_int_equal(rc_equal(p53, f53), 1);
    rc_object *nan = F(rt, NAN);
    assert_int_equal(rc_compare(nan, nan, RC_EQ), 0);
    assert_int_equal(rc_compare(nan, nan, RC_NE), 1);
    assert_int_equal(rc_equal(nan, nan), 1); /* identity first */
    rc_object *pos = rc_number_positive(one);
    assert_ptr_equal(pos, one);
    rc_decref(pos);
    double d;
    rc_object *s = rc_str_from_utf8(rt, "x", 1);
    assert_int_equal(rc_number_as_double(s, &d), RC_ETYPE);
    rc_clear_error(rt);
    assert_int_equal(rc_compare(one, s, RC_EQ), 0);
    assert_int_equal(rc_compare(s, one, RC_NE), 1);
    assert_int_equal(rc_compare(one, s, RC_LT), RC_ETYPE);
    assert_string_equal(rc_last_error_message(rt),
                        "'<' not supported between instances of 'float' and "
                        "'str'");
    rc_clear_error(rt);
    assert_int_equal(rc_number_as_double(rc_true(rt), &d), 0);
    assert_true(d == 1.0);
    rc_decref(s), rc_decref(one), rc_decref(huge), rc_decref(p53);
    rc_decref(p53p1), rc_decref(f53), rc_decref(nan);
    rc_runtime_free(rt);
}

static int64_t H(rc_object *o) {
    int64_t h;
    assert_int_equal(rc_hash(o, &h), 0);
    return h;
}

static void hashes(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    assert_int_equal(H(F(rt, 1.0)), H(rc_int_from_i64(rt, 1)));
    assert_int_equal(H(F(rt, 1.0)), H(rc_true(rt)));
    assert_int_equal(H(F(rt, -1.0)), -2);
    assert_int_equal(H(F(rt, -0.0)), 0);
    assert_int_equal(H(F(rt, 0.5)), (int64_t)1 << 60);
    assert_int_equal(H(F(rt, INFINITY)), 314159);
    assert_int_equal(H(F(rt, -INFINITY)), -314159);
    rc_object *p70 =
        rc_number_lshift(rc_int_from_i64(rt, -1), rc_int_from_i64(rt, 70));
    assert_int_equal(H(F(rt, -ldexp(1.0, 70))), H(p70));
    rc_object *n1 = F(rt, NAN), *n2 = F(rt, NAN);
    assert_int_equal(H(n1), H(n1));
    assert_true(H(n1) != H(n2));
    rc_decref(p70), rc_decref(n1), rc_decref(n2);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* The free list                                                            */
/* ====================================================================== */

static size_t blocks_of_size(rc_runtime *rt, size_t size) {
    rc_mem_stats st = {.size = sizeof st};
    assert_int_equal(rc_mem_get_stats(rt, &st), 0);
    for (int i = 0; i < RC_SIZE_CLASSES; i++)
        if (st.classes[i].block_size == size)
            return st.classes[i].blocks_in_use;
    fail_msg("no size class of %zu bytes", size);
    return 0;
}

static void free_list(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    rc_object *a = F(rt, 1.5);
    size_t bs = rc_sizeof(a);
    rc_object *was = a;
    rc_decref(a);
    rc_object *b = F(rt, 2.5); /* the freed block comes back */
    assert_ptr_equal(b, was);
    assert_true(rc_float_value(b) == 2.5 && rc_refcnt(b) == 1);
    rc_decref(b);

    enum { N = 150 };
    rc_object *fs[N];
    size_t base = blocks_of_size(rt, bs);
    for (int i = 0; i < N; i++)
        fs[i] = F(rt, i);
    size_t peak = blocks_of_size(rt, bs);
    assert_int_equal(peak, base + N - 1); /* one came from the list */
    for (int i = 0; i < N; i++)
        rc_decref(fs[i]);
    /* 100 blocks stay on the list, the rest went back to the pools */
    assert_int_equal(blocks_of_size(rt, bs), base - 1 + 100);
    rc_gc_collect(rt, 0); /* a young collection keeps the list */
    assert_int_equal(blocks_of_size(rt, bs), base - 1 + 100);
    rc_gc_collect(rt, 2); /* a full one empties it */
    assert_int_equal(blocks_of_size(rt, bs), base - 1);
    rc_object *c = F(rt, 3.5); /* and floats are made afresh */
    assert_int_equal(blocks_of_size(rt, bs), base);
    assert_true(rc_float_value(c) == 3.5);
    rc_decref(c);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
}

/* The list is emptied at teardown: no block is left with the hook, in
 * pass-through mode and with the debug allocator's guard bytes. */
static void free_list_teardown(void **state) {
    (void)state;
    for (int debug = 0; debug < 2; debug++) {
        failing_alloc fa = {0};
        rc_config cfg = failing_config(&fa);
        cfg.passthrough = !debug;
        cfg.debug_alloc = debug;
        rc_runtime *rt = rc_runtime_new(&cfg);
        assert_non_null(rt);
        for (int i = 0; i < 50; i++)
            rc_decref(F(rt, i));
        rc_object *keep[120];
        for (int i = 0; i < 120; i++)
            keep[i] = F(rt, i);
        for (int i = 0; i < 120; i++)
            rc_decref(keep[i]);
        assert_int_equal(rc_heap_check(rt), 0);
        rc_gc_collect(rt, 2);
        for (int i = 0; i < 10; i++)
            rc_decref(F(rt, i));
        rc_runtime_free(rt);
        assert_int_equal(fa.outstanding, 0);
        assert_int_equal(fa.live_blocks, 0);
    }
}

/* ====================================================================== */
/* CPython as the oracle                                                    */
/* ====================================================================== */

static double special_double(uint64_t *rng) {
    static const double sp[] = {0.0,
                                -0.0,
                                1.0,
                                -1.0,
                                2.0,
                                0.5,
                                3.0,
                                -3.0,
                                1e308,
                                -1e308,
                                5e-324,
                                INFINITY,
                                -INFINITY,
                                NAN,
                                9007199254740992.0,
                                0.1,
                                1e16,
                                1e22,
                                2.2250738585072014e-308};
    return sp[rng_below(rng, sizeof sp / sizeof *sp)];
}

/* Doubles of many shapes: any bit pattern, short decimals, integers,
 * powers of two, subnormals, values near 1. */
static double gen_double(uint64_t *rng) {
    switch (rng_below(rng, 10)) {
    case 0:
    case 1:
        return from_bits(rng_next(rng));
    case 2: { /* a short decimal m / 10**k or m * 10**k */
        double m = (double)rng_below(rng, 1000000);
        int k = (int)rng_below(rng, 30);
        return rng_below(rng, 2) ? m / pow(10, k) : m * pow(10, k);
    }
    case 3:
        return (double)((int64_t)rng_below(rng, 2001) - 1000);
    case 4:
        return ldexp(1.0, (int)rng_below(rng, 2100) - 1074);
    case 5: /* subnormal */
        return from_bits(rng_next(rng) & 0x800FFFFFFFFFFFFFull);
    case 6:
        return (double)(int64_t)rng_next(rng) / 1024.0;
    case 7:
        return ((double)rng_below(rng, 20001) - 10000.0) / 64.0;
    case 8:
        return special_double(rng);
    default:
        return 1.0 + (double)(rng_next(rng) >> 11) * 0x1p-53;
    }
}

static void python_oracle_repr(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    long n = 20000 * test_scale();
    double *vs = malloc((size_t)n * sizeof *vs);
    assert_non_null(vs);
    uint64_t rng = 4242;
    oracle o;
    oracle_open(&o);
    for (long i = 0; i < n; i++) {
        vs[i] = gen_double(&rng);
        fprintf(o.in, "%016llx\n", (unsigned long long)bits_of(vs[i]));
    }
    oracle_run(&o, "repr");
    for (long i = 0; i < n; i++) {
        assert_true(oracle_next(&o));
        rc_object *f = F(rt, vs[i]);
        rc_object *r = rc_repr(f);
        assert_non_null(r);
        char ctx[40];
        snprintf(ctx, sizeof ctx, "bits %016llx",
                 (unsigned long long)bits_of(vs[i]));
        /* it reads back as the same double */
        rc_object *back = rc_float_from_string(rt, rc_str_utf8(r));
        assert_non_null(back);
        if (!(isnan(vs[i]) && isnan(rc_float_value(back))) &&
            bits_of(rc_float_value(back)) != bits_of(vs[i]))
            fail_msg("repr %s does not read back (%s)", rc_str_utf8(r), ctx);
        rc_decref(back);
        oracle_expect(&o, tok_str(r), "repr", ctx);
        rc_decref(f);
    }
    print_message("%ld reprs compared with CPython\n", n);
    oracle_close(&o);
    free(vs);
    rc_runtime_free(rt);
}

/* The decimal expansion of the midpoint between d and the next double:
 * exact in long double (64-bit mantissa), printed to enough digits. */
static void halfway_text(double d, char *out, size_t cap, uint64_t *rng) {
    long double mid =
        ((long double)d + (long double)nextafter(d, INFINITY)) / 2.0L;
    int n = snprintf(out, cap, "%.*Le", 60 + (int)rng_below(rng, 60), mid);
    char *e = strchr(out, 'e'); /* none for inf and nan */
    if (e && rng_below(rng, 3) == 0 && n > 0 && (size_t)n + 4 < cap) {
        /* nudge: a digit after the tie */
        memmove(e + 1, e, strlen(e) + 1);
        *e = rng_below(rng, 2) ? '1' : '0';
    }
}

/* A float literal: well-formed most of the time. */
static void gen_float_text(uint64_t *rng, char *out, size_t cap) {
    static const char *const fixed[] = {
        "inf",   "-Infinity", "nan",  "+NaN",  "iNf", "infinit", "1_000.5",
        "1__0",  "_1",        "1_",   "1._5",  "1e",  "e5",      ".",
        "-.5",   "5.",        "0x10", "1e1_0", "",    " ",       "1e-400",
        "1e400", "0e0",       "-0",   "00.00", "1e+", "1.e5",    "1e5.5"};
    uint64_t c = rng_below(rng, 20);
    if (c == 0) {
        snprintf(out, cap, "%s", fixed[rng_below(rng, 28)]);
        return;
    }
    if (c < 4) {
        halfway_text(gen_double(rng), out, cap, rng);
        return;
    }
    char *p = out;
    if (rng_below(rng, 4) == 0)
        *p++ = ' ';
    if (rng_below(rng, 3) == 0)
        *p++ = rng_below(rng, 2) ? '-' : '+';
    size_t nint =
        rng_below(rng, 8) == 0 ? rng_below(rng, 400) : rng_below(rng, 22);
    size_t nfrac = rng_below(rng, 22);
    for (size_t i = 0; i < nint; i++) {
        *p++ = (char)('0' + rng_below(rng, 10));
        if (i + 1 < nint && rng_below(rng, 30) == 0)
            *p++ = '_';
    }
    if (rng_below(rng, 4))
        *p++ = '.';
    for (size_t i = 0; i < nfrac; i++)
        *p++ = (char)('0' + rng_below(rng, 10));
    if (rng_below(rng, 2))
        p += sprintf(p, "e%d", (int)rng_below(rng, 800) - 400);
    if (rng_below(rng, 4) == 0)
        *p++ = '\t';
    *p = '\0';
    if (rng_below(rng, 8) == 0 && p > out) { /* one character replaced */
        size_t at = rng_below(rng, (uint64_t)(p - out));
        out[at] = "_.e+-x 5"[rng_below(rng, 8)];
    }
}

static void python_oracle_parse(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    long n = 8000 * test_scale();
    char(*texts)[600] = calloc((size_t)n, sizeof *texts);
    assert_non_null(texts);
    uint64_t rng = 31337;
    oracle o;
    oracle_open(&o);
    for (long i = 0; i < n; i++) {
        gen_float_text(&rng, texts[i], sizeof texts[i]);
        oracle_put_text(o.in, texts[i]);
        fputc('\n', o.in);
    }
    oracle_run(&o, "parse");
    long valid = 0;
    for (long i = 0; i < n; i++) {
        assert_true(oracle_next(&o));
        rc_object *f = rc_float_from_string(rt, texts[i]);
        valid += f != NULL;
        char ctx[640];
        snprintf(ctx, sizeof ctx, "float('%s')", texts[i]);
        oracle_expect(&o, tok_obj(rt, f), "float(text)", ctx);
    }
    print_message("%ld literals (%ld valid) compared with CPython\n", n, valid);
    assert_true(valid > n / 2);
    oracle_close(&o);
    free(texts);
    rc_runtime_free(rt);
}

/* The C side of int_oracle.py's float_case. */
static void check_float_case(oracle *o, rc_runtime *rt, rc_object *x,
                             rc_object *y, const char *c) {
    oracle_expect(o, tok_obj(rt, rc_number_add(x, y)), "x + y", c);
    oracle_expect(o, tok_obj(rt, rc_number_subtract(x, y)), "x - y", c);
    oracle_expect(o, tok_obj(rt, rc_number_multiply(x, y)), "x * y", c);
    oracle_expect(o, tok_obj(rt, rc_number_truediv(x, y)), "x / y", c);
    oracle_expect(o, tok_obj(rt, rc_number_floordiv(x, y)), "x // y", c);
    oracle_expect(o, tok_obj(rt, rc_number_remainder(x, y)), "x % y", c);
    oracle_expect(o, tok_obj(rt, rc_number_divmod(x, y)), "divmod", c);
    oracle_expect(o, tok_obj(rt, rc_number_power(x, y)), "x ** y", c);
    oracle_expect(o, tok_cmp6(rt, x, y), "cmp(x, y)", c);
    oracle_expect(o, tok_obj(rt, rc_number_negative(x)), "-x", c);
    oracle_expect(o, tok_obj(rt, rc_number_absolute(x)), "abs(x)", c);
    oracle_expect(o, isnan(rc_float_value(x)) ? tok_dup("nan") : tok_hash(x),
                  "hash(x)", c);
    oracle_expect(o, tok_obj(rt, rc_int_from_double(rt, rc_float_value(x))),
                  "int(x)", c);
    oracle_expect(o, tok_dup(rc_truth(x) ? "T" : "F"), "bool(x)", c);
}

static void python_oracle_arithmetic(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    long n = 6000 * test_scale();
    double(*vs)[2] = malloc((size_t)n * sizeof *vs);
    assert_non_null(vs);
    uint64_t rng = 271828;
    oracle o;
    oracle_open(&o);
    for (long i = 0; i < n; i++) {
        vs[i][0] = gen_double(&rng);
        vs[i][1] =
            rng_below(&rng, 4) == 0 ? special_double(&rng) : gen_double(&rng);
        fprintf(o.in, "%016llx %016llx\n",
                (unsigned long long)bits_of(vs[i][0]),
                (unsigned long long)bits_of(vs[i][1]));
    }
    oracle_run(&o, "float");
    for (long i = 0; i < n; i++) {
        assert_true(oracle_next(&o));
        rc_object *x = F(rt, vs[i][0]), *y = F(rt, vs[i][1]);
        char ctx[80];
        snprintf(ctx, sizeof ctx, "x=%.17g y=%.17g", vs[i][0], vs[i][1]);
        check_float_case(&o, rt, x, y, ctx);
        rc_decref(x);
        rc_decref(y);
    }
    print_message("%ld pairs, %ld results compared with CPython\n", n,
                  o.checks);
    oracle_close(&o);
    free(vs);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Allocation failure                                                       */
/* ====================================================================== */

enum {
    FOP_NEW,
    FOP_PARSE_LONG,
    FOP_PARSE_SHORT,
    FOP_REPR,
    FOP_DIVMOD,
    FOP_POW,
    FOP_MIXED,
    FOP_NOPS
};

static rc_object *run_fop(rc_runtime *rt, int op, rc_object *x) {
    static const char long_text[] =
        "3.14159265358979323846264338327950288419716939937510582097494459"
        "2307816406286208998628034825342117067982148086513282306647e-200";
    switch (op) {
    case FOP_NEW:
        return rc_float_from_double(rt, 2.5);
    case FOP_PARSE_LONG:
        return rc_float_from_string(rt, long_text);
    case FOP_PARSE_SHORT:
        return rc_float_from_string(rt, " 1_0.25e3 ");
    case FOP_REPR:
        return rc_repr(x);
    case FOP_DIVMOD: {
        rc_object *y = rc_float_from_double(rt, -0.75);
        rc_object *r = y ? rc_number_divmod(x, y) : NULL;
        rc_xdecref(y);
        return r;
    }
    case FOP_POW: {
        rc_object *e = rc_int_from_i64(rt, -3);
        rc_object *r = e ? rc_number_power(x, e) : NULL;
        rc_xdecref(e);
        return r;
    }
    default: {
        rc_object *i =
            rc_int_from_string(rt, "123456789012345678901234567890", 10);
        rc_object *r = i ? rc_number_truediv(i, x) : NULL;
        rc_xdecref(i);
        return r;
    }
    }
}

static char *ftoken(rc_runtime *rt, rc_object *r) {
    if (r && !rc_is_float(r) && !rc_is_tuple(r)) { /* a str */
        char *t = tok_dup(rc_str_utf8(r));
        rc_decref(r);
        return t;
    }
    return tok_obj(rt, r);
}

static long foom_step(int op, long n, bool forever, const char *want) {
    failing_alloc fa = {0};
    rc_config cfg = failing_config(&fa);
    cfg.passthrough = true;
    rc_runtime *rt = rc_runtime_new(&cfg);
    assert_non_null(rt);
    rc_object *x = F(rt, 7.125);
    fa.fail_at = fa.calls + n;
    fa.forever = forever;
    rc_object *r = run_fop(rt, op, x);
    long refused = fa.failures;
    fa.fail_at = 0;
    if (!r) {
        assert_int_equal(rc_last_error(rt), RC_ENOMEM);
        rc_clear_error(rt);
    }
    char *got = ftoken(rt, r);
    if (r && strcmp(got, want) != 0)
        fail_msg("op %d, allocation %ld refused: %s, want %s", op, n, got,
                 want);
    free(got);
    assert_true(rc_float_value(x) == 7.125);
    rc_decref(x);
    rc_runtime_free(rt);
    assert_int_equal(fa.outstanding, 0);
    assert_int_equal(fa.live_blocks, 0);
    return refused;
}

/* rc__float_fixed (the exact '%.Nf' path of str formatting) against the C
 * library's printf: random bit patterns, dyadic values that round at a
 * tie, halves, large and tiny values; every precision it takes. */
static void fixed_notation_matches_printf(void **state) {
    (void)state;
    uint64_t rng = 0x2545F4914F6CDD1Du;
    long fast = 0;
    for (int i = 0; i < 400000; i++) {
        uint64_t r = rng_next(&rng), bits = rng_next(&rng);
        int prec = (int)(r % 19);
        double v;
        switch (r >> 8 & 3) {
        case 0:
            memcpy(&v, &bits, sizeof v);
            v = fabs(v);
            break;
        case 1: /* exact ties at many precisions */
            v = ldexp((double)(bits % 100000), -(int)(r >> 16 & 31));
            break;
        case 2:
            v = (double)(bits % 10000000) * 0.5;
            break;
        default:
            v = ldexp((double)(bits >> 11), -(int)(r >> 16 & 127));
            break;
        }
        if (!isfinite(v))
            continue;
        char got[40], want[400];
        size_t n = rc__float_fixed(v, prec, got);
        if (!n)
            continue;
        fast++;
        snprintf(want, sizeof want, "%.*f", prec, v);
        if (n != strlen(want) || memcmp(got, want, n) != 0)
            fail_msg("%.17g with %d decimals: %.*s, printf says %s", v, prec,
                     (int)n, got, want);
    }
    assert_true(fast > 200000); /* the fast path took most of them */
}

static void oom(void **state) {
    (void)state;
    long steps = 0;
    for (int forever = 0; forever < 2; forever++) {
        for (int op = 0; op < FOP_NOPS; op++) {
            rc_runtime *rt = new_rt();
            rc_object *x = F(rt, 7.125);
            char *want = ftoken(rt, run_fop(rt, op, x));
            assert_true(want[0] != 'E');
            rc_decref(x);
            rc_runtime_free(rt);
            for (long n = 1; foom_step(op, n, forever, want) > 0; n++)
                steps++;
            free(want);
        }
    }
    print_message("%ld failure points\n", steps);
    assert_true(steps >= 2 * FOP_NOPS);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(repr_examples),
        cmocka_unit_test(parse_examples),
        cmocka_unit_test(arithmetic_errors),
        cmocka_unit_test(comparisons),
        cmocka_unit_test(hashes),
        cmocka_unit_test(free_list),
        cmocka_unit_test(free_list_teardown),
        cmocka_unit_test(python_oracle_repr),
        cmocka_unit_test(python_oracle_parse),
        cmocka_unit_test(python_oracle_arithmetic),
        cmocka_unit_test(fixed_notation_matches_printf),
        cmocka_unit_test(oom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
