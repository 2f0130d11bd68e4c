/* test_int.c — int and bool: the small-int cache, bool as an int subtype,
 * Python's operators checked against CPython on generated operands (every
 * operator, both signs, 0 to ~3000 digits, carry and borrow patterns),
 * int(text, base) against CPython, error messages, sizes, and allocation
 * failure at every point of construction, arithmetic and conversion. */
#include "num_oracle.h"

#include <math.h>

static rc_runtime *new_rt(void) {
    rc_runtime *rt = rc_runtime_new(NULL);
    assert_non_null(rt);
    return rt;
}

static rc_object *I(rc_runtime *rt, int64_t v) {
    rc_object *o = rc_int_from_i64(rt, v);
    assert_non_null(o);
    return o;
}

static rc_object *S(rc_runtime *rt, const char *s, int base) {
    rc_object *o = rc_int_from_string(rt, s, base);
    if (!o)
        fail_msg("int(%s, %d): %s", s, base, rc_last_error_message(rt));
    return o;
}

/* ====================================================================== */
/* Small ints and bool                                                      */
/* ====================================================================== */

static void small_int_cache(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    assert_ptr_equal(I(rt, 1), I(rt, 1));
    assert_ptr_equal(I(rt, -5), I(rt, -5));
    assert_ptr_equal(I(rt, 256), I(rt, 256));
    assert_true(rc_refcnt(I(rt, 7)) >= RC_IMMORTAL);
    rc_object *a = I(rt, 257), *b = I(rt, 257);
    assert_ptr_not_equal(a, b);
    assert_int_equal(rc_equal(a, b), 1);
    rc_object *c = I(rt, -6), *d = I(rt, -6);
    assert_ptr_not_equal(c, d);
    /* results that land in [-5, 256] are the cached objects */
    rc_object *r = rc_number_add(I(rt, 100), I(rt, 156));
    assert_ptr_equal(r, I(rt, 256));
    r = rc_number_subtract(a, I(rt, 1));
    assert_ptr_equal(r, I(rt, 256));
    r = rc_number_subtract(c, d);
    assert_ptr_equal(r, I(rt, 0));
    rc_object *big = S(rt, "1180591620717411303429", 10); /* 2**70 + 5 */
    rc_object *p70 = rc_number_lshift(I(rt, 1), I(rt, 70));
    r = rc_number_subtract(big, p70);
    assert_ptr_equal(r, I(rt, 5));
    r = rc_number_rshift(p70, I(rt, 68));
    assert_ptr_equal(r, I(rt, 4));
    r = rc_number_floordiv(p70, p70);
    assert_ptr_equal(r, I(rt, 1));
    r = rc_number_remainder(big, p70);
    assert_ptr_equal(r, I(rt, 5));
    r = rc_number_power(I(rt, 2), I(rt, 8));
    assert_ptr_equal(r, I(rt, 256));
    assert_ptr_equal(rc_number_power(I(rt, 0), I(rt, 0)), I(rt, 1));
    assert_ptr_equal(rc_number_power(big, I(rt, 0)), I(rt, 1));
    assert_ptr_equal(rc_number_power(I(rt, -1), big), I(rt, -1));
    r = rc_number_negative(I(rt, 5));
    assert_ptr_equal(r, I(rt, -5));
    r = rc_number_invert(I(rt, 4));
    assert_ptr_equal(r, I(rt, -5));
    r = rc_int_from_string(rt, "  +42 ", 10);
    assert_ptr_equal(r, I(rt, 42));
    r = rc_int_from_double(rt, 7.9);
    assert_ptr_equal(r, I(rt, 7));
    r = rc_int_from_u64(rt, 200);
    assert_ptr_equal(r, I(rt, 200));
    rc_decref(a), rc_decref(b), rc_decref(c), rc_decref(d);
    rc_decref(big), rc_decref(p70);
    rc_runtime_free(rt);
}

static void bool_is_an_int(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    rc_object *t = rc_true(rt), *f = rc_false(rt);
    assert_ptr_equal(rc_bool_from(rt, true), t);
    assert_ptr_equal(rc_bool_from(rt, false), f);
    assert_true(rc_is_int(t) && rc_is_bool(t) && !rc_is_bool(I(rt, 1)));
    assert_string_equal(rc_type_name(t), "bool");
    assert_repr(t, "True");
    assert_repr(f, "False");
    rc_object *s = rc_str(t);
    assert_string_equal(rc_str_utf8(s), "True");
    rc_decref(s);
    assert_ptr_equal(rc_number_add(t, I(rt, 1)), I(rt, 2));
    assert_ptr_equal(rc_number_add(t, t), I(rt, 2));
    assert_ptr_equal(rc_number_multiply(f, I(rt, 9)), I(rt, 0));
    assert_int_equal(rc_equal(t, I(rt, 1)), 1);
    assert_int_equal(rc_equal(f, I(rt, 0)), 1);
    assert_int_equal(rc_compare(f, t, RC_LT), 1);
    int64_t h;
    assert_int_equal(rc_hash(t, &h), 0);
    assert_int_equal(h, 1);
    assert_int_equal(rc_hash(f, &h), 0);
    assert_int_equal(h, 0);
    /* & | ^ of two bools is a bool; anything else is an int */
    assert_ptr_equal(rc_number_and(t, f), f);
    assert_ptr_equal(rc_number_or(t, f), t);
    assert_ptr_equal(rc_number_xor(t, t), f);
    rc_object *r = rc_number_or(t, I(rt, 0));
    assert_ptr_equal(r, I(rt, 1));
    assert_false(rc_is_bool(r));
    assert_ptr_equal(rc_number_positive(t), I(rt, 1));
    assert_ptr_equal(rc_number_negative(t), I(rt, -1));
    assert_ptr_equal(rc_number_invert(t), I(rt, -2));
    assert_ptr_equal(rc_number_absolute(t), I(rt, 1));
    r = rc_number_truediv(t, I(rt, 2));
    assert_true(rc_is_float(r) && rc_float_value(r) == 0.5);
    rc_decref(r);
    int64_t v;
    assert_int_equal(rc_int_to_i64(t, &v), 0);
    assert_int_equal(v, 1);
    assert_int_equal(rc_truth(t), 1);
    assert_int_equal(rc_truth(f), 0);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Conversions, text, sizes, errors                                         */
/* ====================================================================== */

static void conversions(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    int64_t v;
    rc_object *m = I(rt, INT64_MIN);
    assert_repr(m, "-9223372036854775808");
    assert_int_equal(rc_int_to_i64(m, &v), 0);
    assert_true(v == INT64_MIN);
    rc_object *n = rc_number_negative(m); /* 2**63: no longer an int64 */
    assert_repr(n, "9223372036854775808");
    assert_int_equal(rc_int_to_i64(n, &v), RC_EOVERFLOW);
    rc_clear_error(rt);
    assert_int_equal(rc_int_bit_length(n), 64);
    assert_int_equal(rc_int_sign(n), 1);
    assert_int_equal(rc_int_sign(m), -1);
    assert_int_equal(rc_int_sign(I(rt, 0)), 0);
    rc_object *u = rc_int_from_u64(rt, UINT64_MAX);
    assert_repr(u, "18446744073709551615");
    rc_object *s = rc_int_format(u, 36);
    assert_string_equal(rc_str_utf8(s), "3w5e11264sgsf");
    rc_decref(s);
    s = rc_int_format(m, 2);
    assert_string_equal(rc_str_utf8(s), "-1"
                                        "000000000000000000000000000000000000"
                                        "000000000000000000000000000");
    rc_decref(s);
    assert_null(rc_int_format(m, 37));
    assert_int_equal(rc_last_error(rt), RC_EVALUE);
    rc_clear_error(rt);
    double d;
    assert_int_equal(rc_int_to_double(u, &d), 0);
    assert_true(d == 18446744073709551616.0);
    rc_object *big = rc_number_power(I(rt, 10), I(rt, 400));
    assert_int_equal(rc_int_to_double(big, &d), RC_EOVERFLOW);
    assert_string_equal(rc_last_error_message(rt),
                        "int too large to convert to float");
    rc_clear_error(rt);
    rc_object *x = rc_int_from_double(rt, 1e300);
    assert_int_equal(rc_int_to_double(x, &d), 0);
    assert_true(d == 1e300);
    assert_int_equal(rc_number_as_double(x, &d), 0);
    assert_error(rt, rc_int_from_double(rt, INFINITY), RC_EOVERFLOW,
                 "cannot convert float infinity to integer");
    assert_error(rt, rc_int_from_double(rt, NAN), RC_EVALUE,
                 "cannot convert float NaN to integer");
    rc_object *neg0 = rc_int_from_double(rt, -0.5);
    assert_ptr_equal(neg0, I(rt, 0));
    rc_decref(m), rc_decref(n), rc_decref(u), rc_decref(big), rc_decref(x);
    rc_runtime_free(rt);
}

static void text_rules(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    static const struct {
        const char *text;
        int base;
        const char *repr; /* NULL: ValueError */
    } cases[] = {
        {"0x_ff", 0, "255"}, {"0b1_0", 0, "2"},     {"0o17", 8, "15"},
        {"0b1", 16, "177"},  {"00", 0, "0"},        {"010", 0, NULL},
        {"1__0", 10, NULL},  {"_1", 10, NULL},      {"1_", 10, NULL},
        {"-0", 10, "0"},     {" \t12\n", 10, "12"}, {"", 10, NULL},
        {"+", 10, NULL},     {"z", 36, "35"},       {"Z", 35, NULL},
        {"0x", 16, NULL},    {"12 3", 10, NULL},    {"--1", 10, NULL},
        {"-0x10", 0, "-16"}, {"1e5", 10, NULL},     {"ff", 15, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        rc_object *o = rc_int_from_string(rt, cases[i].text, cases[i].base);
        if (!cases[i].repr) {
            assert_null(o);
            assert_int_equal(rc_last_error(rt), RC_EVALUE);
            rc_clear_error(rt);
            continue;
        }
        if (!o)
            fail_msg("int('%s', %d) failed", cases[i].text, cases[i].base);
        assert_repr(o, cases[i].repr);
        rc_decref(o);
    }
    assert_error(rt, rc_int_from_string(rt, "12x", 10), RC_EVALUE,
                 "invalid literal for int() with base 10: '12x'");
    assert_error(rt, rc_int_from_string(rt, "it's", 0), RC_EVALUE,
                 "invalid literal for int() with base 0: \"it's\"");
    assert_error(rt, rc_int_from_string(rt, "1", 37), RC_EVALUE,
                 "int() base must be >= 2 and <= 36, or 0");
    rc_runtime_free(rt);
}

static void error_messages(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    rc_object *zero = I(rt, 0), *one = I(rt, 1);
    rc_object *big = rc_number_lshift(one, I(rt, 100));
    const char *intdiv = "integer division or modulo by zero";
    assert_error(rt, rc_number_floordiv(one, zero), RC_EZERODIV, intdiv);
    assert_error(rt, rc_number_remainder(big, zero), RC_EZERODIV,
                 "integer modulo by zero"); /* CPython 3.11's words */
    assert_error(rt, rc_number_remainder(one, zero), RC_EZERODIV,
                 "integer modulo by zero");
    assert_error(rt, rc_number_divmod(big, zero), RC_EZERODIV, intdiv);
    assert_error(rt, rc_number_truediv(one, zero), RC_EZERODIV,
                 "division by zero");
    assert_error(rt, rc_number_lshift(one, I(rt, -1)), RC_EVALUE,
                 "negative shift count");
    assert_error(rt, rc_number_rshift(big, I(rt, -1)), RC_EVALUE,
                 "negative shift count");
    assert_error(rt, rc_number_power(zero, I(rt, -1)), RC_EZERODIV,
                 "0.0 cannot be raised to a negative power");
    assert_error(rt, rc_number_lshift(one, big), RC_EOVERFLOW,
                 "too many digits in integer");
    rc_object *huge = rc_number_power(I(rt, 10), I(rt, 400));
    assert_error(rt, rc_number_truediv(huge, one), RC_EOVERFLOW,
                 "integer division result too large for a float");
    rc_object *s = rc_str_from_utf8(rt, "x", 1);
    assert_error(rt, rc_number_add(one, s), RC_ETYPE,
                 "unsupported operand type(s) for +: 'int' and 'str'");
    assert_error(rt, rc_number_lshift(one, rc_float_from_double(rt, 1.0)),
                 RC_ETYPE,
                 "unsupported operand type(s) for <<: 'int' and 'float'");
    assert_int_equal(rc_compare(one, s, RC_LT), RC_ETYPE);
    rc_clear_error(rt);
    assert_int_equal(rc_compare(one, s, RC_EQ), 0);
    /* big shifts that need no memory */
    assert_ptr_equal(rc_number_rshift(huge, big), I(rt, 0));
    rc_object *mh = rc_number_negative(huge);
    assert_ptr_equal(rc_number_rshift(mh, big), I(rt, -1));
    assert_ptr_equal(rc_number_power(I(rt, -1), big), I(rt, 1));
    assert_ptr_equal(rc_number_lshift(zero, big), zero);
    rc_decref(big), rc_decref(huge), rc_decref(s), rc_decref(mh);
    rc_runtime_free(rt);
}

static void sizes(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    rc_object *small = I(rt, 1000);
    assert_int_equal(rc_sizeof(small), 32); /* 24-byte head + int64_t */
    rc_object *big = rc_number_lshift(I(rt, 1), I(rt, 3200)); /* 101 digits */
    assert_true(rc_sizeof(big) >= 24 + 4 * 101);
    assert_true(rc_sizeof(big) < 24 + 4 * 101 + 64);
    rc_decref(small);
    rc_decref(big);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* CPython as the oracle                                                    */
/* ====================================================================== */

/* A digit pattern: zeros, all ones and the top bit alone make carries,
 * borrows and division corrections happen far more than random digits. */
static uint32_t gen_word(uint64_t *rng) {
    switch (rng_below(rng, 10)) {
    case 0:
        return 0;
    case 1:
        return 0xFFFFFFFFu;
    case 2:
        return 0x80000000u;
    case 3:
        return 0x7FFFFFFFu;
    case 4:
        return 1;
    default:
        return (uint32_t)rng_next(rng);
    }
}

/* Writes a signed hex literal of nw random words (top word nonzero). */
static void words_hex(uint64_t *rng, size_t nw, bool neg, char *out) {
    char *p = out;
    if (neg)
        *p++ = '-';
    uint32_t top = gen_word(rng);
    p += sprintf(p, "%x", top ? top : 1u);
    for (size_t i = 1; i < nw; i++)
        p += sprintf(p, "%08x", gen_word(rng));
}

/* 2**k + delta for interesting k. */
static void edge_hex(uint64_t *rng, char *out) {
    static const int ks[] = {31, 32, 33, 52,  53,  60,  61,  62,   63,  64,
                             65, 95, 96, 127, 128, 129, 200, 1023, 1024};
    int k = ks[rng_below(rng, sizeof ks / sizeof *ks)];
    int delta = (int)rng_below(rng, 3) - 1;
    bool neg = rng_below(rng, 2);
    /* 2**k - 1 is k ones; 2**k + 1 is 1, zeros, 1 */
    char bin[1100];
    size_t n = 0;
    if (delta < 0) {
        for (int i = 0; i < k; i++)
            bin[n++] = '1';
    } else {
        bin[n++] = '1';
        for (int i = 0; i < k; i++)
            bin[n++] = i == k - 1 && delta ? '1' : '0';
    }
    bin[n] = '\0';
    /* binary to hex */
    char *p = out;
    if (neg)
        *p++ = '-';
    size_t lead = n % 4 ? n % 4 : 4;
    for (size_t i = 0; i < n; i += (i == 0 ? lead : 4)) {
        size_t len = i == 0 ? lead : 4;
        int v = 0;
        for (size_t j = 0; j < len; j++)
            v = v * 2 + (bin[i + j] - '0');
        *p++ = "0123456789abcdef"[v];
    }
    *p = '\0';
}

/* An operand: small, an edge value, a few words, a few hundred digits, or
 * (when large) enough digits for Karatsuba. */
static void gen_int_hex(uint64_t *rng, bool large, char *out) {
    bool neg = rng_below(rng, 2);
    if (large) {
        words_hex(rng, 48 + rng_below(rng, 260), neg, out);
        return;
    }
    uint64_t c = rng_below(rng, 100);
    if (c < 15)
        sprintf(out, "%s%x", neg ? "-" : "", (unsigned)rng_below(rng, 300));
    else if (c < 30)
        edge_hex(rng, out);
    else if (c < 75)
        words_hex(rng, 1 + rng_below(rng, 5), neg, out);
    else
        words_hex(rng, 1 + rng_below(rng, 45), neg, out);
}

/* A double, often close to a (for exact int/float comparison). */
static double gen_double(uint64_t *rng, rc_object *a) {
    double d;
    switch (rng_below(rng, 8)) {
    case 0:
        return from_bits(rng_next(rng));
    case 1:
        return (double)((int64_t)rng_below(rng, 2001) - 1000);
    case 2:
        return ldexp((double)(rng_next(rng) >> 11),
                     (int)rng_below(rng, 1100) - 60);
    case 3: {
        static const double sp[] = {0.0,
                                    -0.0,
                                    INFINITY,
                                    -INFINITY,
                                    NAN,
                                    0.5,
                                    -2.5,
                                    9223372036854775808.0,
                                    -9223372036854775808.0,
                                    18446744073709551616.0,
                                    1e308,
                                    5e-324};
        return sp[rng_below(rng, sizeof sp / sizeof *sp)];
    }
    default:
        if (rc_int_to_double(a, &d) != 0) {
            rc_clear_error(rc_runtime_of(a));
            return from_bits(rng_next(rng));
        }
        if (rng_below(rng, 3) == 0)
            return nextafter(d, rng_below(rng, 2) ? INFINITY : -INFINITY);
        return rng_below(rng, 3) == 0 ? d + 0.5 : d;
    }
}

typedef struct int_case {
    rc_object *a, *b, *d;
    uint64_t k;
    char ctx[160];
} int_case;

static rc_object *K(rc_runtime *rt, int64_t v) {
    return I(rt, v);
}

/* The C side of int_oracle.py's int_case, token for token. */
static void check_int_case(oracle *o, rc_runtime *rt, int_case *c) {
    rc_object *a = c->a, *b = c->b, *d = c->d;
    const char *x = c->ctx;
    int64_t k = (int64_t)c->k, e = k % 7, sh = k % 200;
    oracle_expect(o, tok_obj(rt, rc_number_add(a, b)), "a + b", x);
    oracle_expect(o, tok_obj(rt, rc_number_subtract(a, b)), "a - b", x);
    oracle_expect(o, tok_obj(rt, rc_number_multiply(a, b)), "a * b", x);
    oracle_expect(o, tok_obj(rt, rc_number_floordiv(a, b)), "a // b", x);
    oracle_expect(o, tok_obj(rt, rc_number_remainder(a, b)), "a % b", x);
    oracle_expect(o, tok_obj(rt, rc_number_divmod(a, b)), "divmod", x);
    oracle_expect(o, tok_obj(rt, rc_number_truediv(a, b)), "a / b", x);
    oracle_expect(o, tok_cmp6(rt, a, b), "cmp(a, b)", x);
    oracle_expect(o, tok_obj(rt, rc_number_and(a, b)), "a & b", x);
    oracle_expect(o, tok_obj(rt, rc_number_or(a, b)), "a | b", x);
    oracle_expect(o, tok_obj(rt, rc_number_xor(a, b)), "a ^ b", x);
    oracle_expect(o, tok_obj(rt, rc_number_power(a, K(rt, e))), "a ** e", x);
    oracle_expect(o, tok_obj(rt, rc_number_power(a, K(rt, -(k % 3 + 1)))),
                  "a ** -e", x);
    oracle_expect(o, tok_obj(rt, rc_number_lshift(a, K(rt, sh))), "a << k", x);
    oracle_expect(o, tok_obj(rt, rc_number_rshift(a, K(rt, sh))), "a >> k", x);
    rc_object *far = K(rt, sh + 1000);
    oracle_expect(o, tok_obj(rt, rc_number_rshift(a, far)), "a >> far", x);
    rc_decref(far);
    oracle_expect(o, tok_obj(rt, rc_number_negative(a)), "-a", x);
    oracle_expect(o, tok_obj(rt, rc_number_absolute(a)), "abs(a)", x);
    oracle_expect(o, tok_obj(rt, rc_number_invert(a)), "~a", x);
    oracle_expect(o, tok_str(rc_str(a)), "str(a)", x);
    oracle_expect(o, tok_str(rc_int_format(a, 8)), "oct(a)", x);
    oracle_expect(o, tok_hash(a), "hash(a)", x);
    char buf[32];
    snprintf(buf, sizeof buf, "%zu", rc_int_bit_length(a));
    oracle_expect(o, tok_dup(buf), "bit_length", x);
    oracle_expect(o, tok_dup(rc_truth(a) ? "T" : "F"), "bool(a)", x);
    double dv;
    oracle_expect(o, rc_int_to_double(a, &dv) ? tok_error(rt) : tok_bits(dv),
                  "float(a)", x);
    oracle_expect(o, tok_obj(rt, rc_number_add(a, d)), "a + d", x);
    oracle_expect(o, tok_obj(rt, rc_number_subtract(d, a)), "d - a", x);
    oracle_expect(o, tok_obj(rt, rc_number_multiply(a, d)), "a * d", x);
    oracle_expect(o, tok_obj(rt, rc_number_truediv(a, d)), "a / d", x);
    oracle_expect(o, tok_obj(rt, rc_number_floordiv(d, a)), "d // a", x);
    oracle_expect(o, tok_obj(rt, rc_number_remainder(a, d)), "a % d", x);
    oracle_expect(o, tok_cmp6(rt, a, d), "cmp(a, d)", x);
    oracle_expect(o, tok_cmp6(rt, d, a), "cmp(d, a)", x);
    oracle_expect(o, tok_obj(rt, rc_int_from_double(rt, rc_float_value(d))),
                  "int(d)", x);
    if (isnan(rc_float_value(d)))
        oracle_expect(o, tok_dup("nan"), "hash(d)", x);
    else
        oracle_expect(o, tok_hash(d), "hash(d)", x);
}

/* Checks that need no oracle: text round trips of a. */
static void check_round_trips(rc_runtime *rt, rc_object *a, const char *ctx) {
    static const int bases[] = {10, 16, 2, 36, 7};
    for (size_t i = 0; i < sizeof bases / sizeof *bases; i++) {
        rc_object *s = rc_int_format(a, bases[i]);
        assert_non_null(s);
        rc_object *back = rc_int_from_string(rt, rc_str_utf8(s), bases[i]);
        if (!back || rc_equal(back, a) != 1)
            fail_msg("int(format(a, %d)) != a for %s", bases[i], ctx);
        rc_decref(back);
        rc_decref(s);
    }
}

static void python_oracle(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    long ncases = 2500 * test_scale();
    int_case *cases = calloc((size_t)ncases, sizeof *cases);
    assert_non_null(cases);
    static char ha[3000], hb[3000];
    uint64_t rng = 20240611;
    oracle o;
    oracle_open(&o);
    for (long i = 0; i < ncases; i++) {
        int_case *c = &cases[i];
        bool large = rng_below(&rng, 25) == 0;
        gen_int_hex(&rng, large, ha);
        gen_int_hex(&rng, large && rng_below(&rng, 2), hb);
        c->a = S(rt, ha, 16);
        c->b = S(rt, hb, 16);
        c->k = rng_below(&rng, 1000);
        c->d = rc_float_from_double(rt, gen_double(&rng, c->a));
        assert_non_null(c->d);
        snprintf(c->ctx, sizeof c->ctx, "a=%.60s%s b=%.60s%s", ha,
                 strlen(ha) > 60 ? "..." : "", hb,
                 strlen(hb) > 60 ? "..." : "");
        fprintf(o.in, "%s %s %llu %016llx\n", ha, hb, (unsigned long long)c->k,
                (unsigned long long)bits_of(rc_float_value(c->d)));
    }
    oracle_run(&o, "int");
    for (long i = 0; i < ncases; i++) {
        assert_true(oracle_next(&o));
        check_int_case(&o, rt, &cases[i]);
        check_round_trips(rt, cases[i].a, cases[i].ctx);
        rc_decref(cases[i].a);
        rc_decref(cases[i].b);
        rc_decref(cases[i].d);
    }
    assert_false(oracle_next(&o));
    print_message("%ld cases, %ld results compared with CPython\n", ncases,
                  o.checks);
    oracle_close(&o);
    free(cases);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
}

/* A random literal for int(text, base): mostly well-formed, often not. */
static void gen_literal(uint64_t *rng, char *out, int *base) {
    static const int bases[] = {0, 0, 0, 10, 10, 16, 8, 2, 36, 3, 7, 1, 37};
    static const char *const spaces[] = {"",     "",     " ",  "\t",   "\n ",
                                         "\x0b", "\x0c", "\r", "\x1c", "\x1f"};
    /* \x1c-\x1f: str.isspace() holds but int() refuses them */
    static const char *const prefixes[] = {"0x", "0X", "0o", "0b",
                                           "0B", "0",  "00"};
    *base =
        rng_below(rng, 8) ? bases[rng_below(rng, 11)] : (int)rng_below(rng, 39);
    int db = *base == 0 ? 10 : *base > 36 || *base < 2 ? 10 : *base;
    char *p = out;
    p += sprintf(p, "%s", spaces[rng_below(rng, 10)]);
    uint64_t sign = rng_below(rng, 6);
    if (sign < 2)
        *p++ = sign ? '-' : '+';
    if (rng_below(rng, 3) == 0) {
        const char *px = prefixes[rng_below(rng, 7)];
        p += sprintf(p, "%s", px);
        db = (px[1] | 0x20) == 'x'   ? 16
             : (px[1] | 0x20) == 'o' ? 8
             : (px[1] | 0x20) == 'b' ? 2
                                     : db;
    }
    size_t len =
        rng_below(rng, 10) == 0 ? rng_below(rng, 400) : rng_below(rng, 30);
    for (size_t i = 0; i < len; i++) {
        uint64_t c = rng_below(rng, 80);
        if (c < 2)
            *p++ = '_';
        else if (c == 2)
            *p++ = "9azZ.-xg "[rng_below(rng, 9)];
        else
            *p++ =
                "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                    [rng_below(rng, 40) < 38 ? rng_below(rng, (uint64_t)db)
                                             : rng_below(rng, 62)];
    }
    p += sprintf(p, "%s", spaces[rng_below(rng, 10)]);
    *p = '\0';
}

static void python_oracle_parsing(void **state) {
    (void)state;
    rc_runtime *rt = new_rt();
    long ncases = 4000 * test_scale();
    char(*texts)[480] = calloc((size_t)ncases, sizeof *texts);
    int *bases = calloc((size_t)ncases, sizeof *bases);
    assert_true(texts && bases);
    uint64_t rng = 77;
    oracle o;
    oracle_open(&o);
    for (long i = 0; i < ncases; i++) {
        gen_literal(&rng, texts[i], &bases[i]);
        fprintf(o.in, "%d ", bases[i]);
        oracle_put_text(o.in, texts[i]);
        fputc('\n', o.in);
    }
    oracle_run(&o, "iparse");
    long valid = 0;
    for (long i = 0; i < ncases; i++) {
        assert_true(oracle_next(&o));
        rc_object *r = rc_int_from_string(rt, texts[i], bases[i]);
        valid += r != NULL;
        char ctx[600];
        snprintf(ctx, sizeof ctx, "int(%.500s, %d)", texts[i], bases[i]);
        oracle_expect(&o, tok_obj(rt, r), "int(text, base)", ctx);
    }
    print_message("%ld literals (%ld valid) compared with CPython\n", ncases,
                  valid);
    assert_true(valid > ncases / 10 && valid < ncases * 9 / 10);
    oracle_close(&o);
    free(texts);
    free(bases);
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* Allocation failure                                                       */
/* ====================================================================== */

typedef struct oom_env {
    char ha[2000], hb[2000]; /* operands as hex */
    char dec[3000];          /* a in decimal */
} oom_env;

typedef rc_object *(*oom_fn)(rc_runtime *rt, rc_object *a, rc_object *b,
                             const oom_env *env);

#define OOM_BINARY(name, expr)                                                 \
    static rc_object *name(rc_runtime *rt, rc_object *a, rc_object *b,         \
                           const oom_env *env) {                               \
        (void)rt, (void)a, (void)b, (void)env;                                 \
        return expr;                                                           \
    }

OOM_BINARY(op_add, rc_number_add(a, b))
OOM_BINARY(op_sub, rc_number_subtract(a, b))
OOM_BINARY(op_mul, rc_number_multiply(a, a))
OOM_BINARY(op_floordiv, rc_number_floordiv(a, b))
OOM_BINARY(op_mod, rc_number_remainder(a, b))
OOM_BINARY(op_divmod, rc_number_divmod(a, b))
OOM_BINARY(op_and, rc_number_and(a, b))
OOM_BINARY(op_or, rc_number_or(a, b))
OOM_BINARY(op_xor, rc_number_xor(a, b))
OOM_BINARY(op_invert, rc_number_invert(a))
OOM_BINARY(op_neg, rc_number_negative(a))
OOM_BINARY(op_repr, rc_repr(a))
OOM_BINARY(op_format7, rc_int_format(a, 7))
OOM_BINARY(op_format16, rc_int_format(b, 16))
OOM_BINARY(op_parse10, rc_int_from_string(rt, env->dec, 10))
OOM_BINARY(op_parse16, rc_int_from_string(rt, env->ha, 16))
OOM_BINARY(op_from_double, rc_int_from_double(rt, -1e300))
OOM_BINARY(op_from_u64, rc_int_from_u64(rt, UINT64_MAX - 5))

/* f(x, y) with y made first, consuming neither operand. */
static rc_object *with_made(rc_object *(*f)(rc_object *, rc_object *),
                            rc_object *x, rc_object *y) {
    rc_object *r = y ? f(x, y) : NULL;
    rc_xdecref(y);
    return r;
}

static rc_object *op_truediv(rc_runtime *rt, rc_object *a, rc_object *b,
                             const oom_env *env) {
    (void)rt, (void)env; /* both big, the quotient ~2**-640 */
    rc_object *x = rc_number_multiply(b, b);
    rc_object *r = x ? rc_number_truediv(x, a) : NULL;
    rc_xdecref(x);
    return r;
}

static rc_object *op_pow(rc_runtime *rt, rc_object *a, rc_object *b,
                         const oom_env *env) {
    (void)a, (void)env;
    return with_made(rc_number_power, b, rc_int_from_i64(rt, 5));
}

static rc_object *op_lshift(rc_runtime *rt, rc_object *a, rc_object *b,
                            const oom_env *env) {
    (void)b, (void)env;
    return with_made(rc_number_lshift, a, rc_int_from_i64(rt, 1000));
}

static rc_object *op_rshift(rc_runtime *rt, rc_object *a, rc_object *b,
                            const oom_env *env) {
    (void)b, (void)env;
    return with_made(rc_number_rshift, a, rc_int_from_i64(rt, 1000));
}

static rc_object *op_mul_float(rc_runtime *rt, rc_object *a, rc_object *b,
                               const oom_env *env) {
    (void)a, (void)env; /* an int of ~440 bits times a float */
    rc_object *x = with_made(rc_number_rshift, b, rc_int_from_i64(rt, 1000));
    rc_object *r =
        x ? with_made(rc_number_multiply, x, rc_float_from_double(rt, 0.5))
          : NULL;
    rc_xdecref(x);
    return r;
}

static rc_object *op_small_div(rc_runtime *rt, rc_object *a, rc_object *b,
                               const oom_env *env) {
    (void)a, (void)b, (void)env;
    rc_object *x = rc_int_from_i64(rt, 1000);
    rc_object *r =
        x ? with_made(rc_number_divmod, x, rc_int_from_i64(rt, 7)) : NULL;
    rc_xdecref(x);
    return r;
}

static const struct {
    const char *name;
    oom_fn fn;
} oom_ops[] = {
    {"add", op_add},
    {"sub", op_sub},
    {"mul", op_mul},
    {"floordiv", op_floordiv},
    {"mod", op_mod},
    {"divmod", op_divmod},
    {"truediv", op_truediv},
    {"pow", op_pow},
    {"lshift", op_lshift},
    {"rshift", op_rshift},
    {"and", op_and},
    {"or", op_or},
    {"xor", op_xor},
    {"invert", op_invert},
    {"neg", op_neg},
    {"repr", op_repr},
    {"format7", op_format7},
    {"format16", op_format16},
    {"parse10", op_parse10},
    {"parse16", op_parse16},
    {"from_double", op_from_double},
    {"from_u64", op_from_u64},
    {"mul_float", op_mul_float},
    {"small_div", op_small_div},
};

#define OOM_NOPS (sizeof oom_ops / sizeof *oom_ops)

static char *result_token(rc_runtime *rt, rc_object *r) {
    if (r && !rc_is_int(r) && !rc_is_float(r) && !rc_is_tuple(r)) {
        char *t = tok_dup(rc_str_utf8(r)); /* a str */
        rc_decref(r);
        return t;
    }
    return tok_obj(rt, r);
}

static char *hex_of(rc_object *o) {
    rc_incref(o); /* tok_obj consumes a reference */
    return tok_obj(rc_runtime_of(o), o);
}

/* Runs op with the n-th allocation from now refused (once or forever);
 * returns how many allocations were refused. */
static long oom_step(size_t op, long n, bool forever, bool passthrough,
                     const oom_env *env, const char *want) {
    failing_alloc fa = {0};
    rc_config cfg = failing_config(&fa);
    cfg.passthrough = passthrough;
    rc_runtime *rt = rc_runtime_new(&cfg);
    assert_non_null(rt);
    rc_object *a = S(rt, env->ha, 16), *b = S(rt, env->hb, 16);
    fa.fail_at = fa.calls + n;
    fa.forever = forever;
    rc_object *r = oom_ops[op].fn(rt, a, b, env);
    long refused = fa.failures;
    fa.fail_at = 0;
    if (!r) {
        if (rc_last_error(rt) != RC_ENOMEM)
            fail_msg("%s, allocation %ld refused: status %d (%s)",
                     oom_ops[op].name, n, rc_last_error(rt),
                     rc_last_error_message(rt));
        assert_true(refused > 0);
        rc_clear_error(rt);
    } else {
        char *got = result_token(rt, r);
        if (strcmp(got, want) != 0)
            fail_msg("%s with allocation %ld refused: wrong result",
                     oom_ops[op].name, n);
        free(got);
    }
    char *ta = hex_of(a), *tb = hex_of(b); /* operands unchanged */
    assert_string_equal(ta, env->ha);
    assert_string_equal(tb, env->hb);
    free(ta);
    free(tb);
    rc_decref(a);
    rc_decref(b);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
    assert_int_equal(fa.outstanding, 0);
    assert_int_equal(fa.live_blocks, 0);
    return refused;
}

static void oom_env_init(oom_env *env) {
    uint64_t rng = 99;
    words_hex(&rng, 110, true, env->ha); /* Karatsuba-sized */
    words_hex(&rng, 45, false, env->hb);
    rc_runtime *rt = new_rt();
    rc_object *a = S(rt, env->ha, 16);
    rc_object *s = rc_str(a);
    snprintf(env->dec, sizeof env->dec, "%s", rc_str_utf8(s));
    rc_decref(s);
    rc_decref(a);
    rc_runtime_free(rt);
}

static void fail_each_allocation(bool forever, bool passthrough) {
    oom_env env;
    oom_env_init(&env);
    long steps = 0;
    for (size_t op = 0; op < OOM_NOPS; op++) {
        rc_runtime *rt = new_rt();
        rc_object *a = S(rt, env.ha, 16), *b = S(rt, env.hb, 16);
        char *want = result_token(rt, oom_ops[op].fn(rt, a, b, &env));
        if (want[0] == 'E') /* the operation itself must succeed */
            fail_msg("%s: %s", oom_ops[op].name, want);
        rc_decref(a), rc_decref(b);
        rc_runtime_free(rt);
        for (long n = 1;; n++, steps++) {
            if (oom_step(op, n, forever, passthrough, &env, want) == 0)
                break;
            assert_true(n < 10000);
        }
        free(want);
    }
    print_message("%ld failure points\n", steps);
}

static void oom_once(void **state) {
    (void)state;
    fail_each_allocation(false, true);
}

static void oom_forever(void **state) {
    (void)state;
    fail_each_allocation(true, true);
}

static void oom_pools(void **state) {
    (void)state;
    fail_each_allocation(false, false);
}

/* The runtime makes 262 small ints and two bools: each allocation of
 * rc_runtime_new refused in turn leaves nothing behind. */
static void oom_runtime_new(void **state) {
    (void)state;
    for (int forever = 0; forever < 2; forever++) {
        for (long n = 1;; n++) {
            failing_alloc fa = {.fail_at = n, .forever = forever};
            rc_config cfg = failing_config(&fa);
            cfg.passthrough = true;
            rc_runtime *rt = rc_runtime_new(&cfg);
            if (!rt) {
                assert_true(fa.failures > 0);
                assert_int_equal(fa.outstanding, 0);
                continue;
            }
            fa.fail_at = 0;
            assert_ptr_equal(rc_int_from_i64(rt, 256),
                             rc_int_from_i64(rt, 256));
            rc_runtime_free(rt);
            assert_int_equal(fa.outstanding, 0);
            if (fa.failures == 0) {
                assert_true(n > 264); /* every object was a request */
                break;
            }
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(small_int_cache),
        cmocka_unit_test(bool_is_an_int),
        cmocka_unit_test(conversions),
        cmocka_unit_test(text_rules),
        cmocka_unit_test(error_messages),
        cmocka_unit_test(sizes),
        cmocka_unit_test(python_oracle),
        cmocka_unit_test(python_oracle_parsing),
        cmocka_unit_test(oom_once),
        cmocka_unit_test(oom_forever),
        cmocka_unit_test(oom_pools),
        cmocka_unit_test(oom_runtime_new),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
