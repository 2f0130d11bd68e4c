/*
 * floatstr.c — float as text: repr (the shortest string that reads back
 * as the same double, laid out as Python prints it) and float(text).
 * Neither uses the C library's printf or strtod, so the result never
 * depends on the locale.
 *
 * Shortest digits: the free-format algorithm of Steele & White as
 * presented by Burger & Dybvig ("Printing floating-point numbers quickly
 * and accurately", 1996), on exact integers: v = r/s, and the gaps to the
 * neighbouring doubles are m+/s and m-/s. Digits are produced until the
 * remaining value falls within half a gap (inclusive when the mantissa is
 * even, because round-half-even reading maps the midpoint back to v), and
 * the last digit is rounded towards v, ties as David Gay's dtoa (mode 0,
 * what CPython uses) breaks them. The integers never exceed ~1130 bits, so
 * they live in fixed arrays on the stack; digit arithmetic is bigint.c's.
 *
 * Reading: Python's float() syntax (sign, digits with single underscores
 * between them, '.', exponent, inf/infinity/nan in any case, surrounding
 * whitespace) is checked first; the value is then exact digits times a
 * power of ten, rounded once: directly in double arithmetic when both are
 * exact doubles (Clinger's fast path), otherwise by exact integer
 * arithmetic (int to double, or int true division, both correctly
 * rounded).
 */
#include "num.h"

#include <math.h>

/* ====================================================================== */
/* Fixed-size integers for digit generation                                 */
/* ====================================================================== */

#define FB_DIGITS 40 /* 1280 bits: the largest value needs ~1135 */

typedef struct fbig {
    rc__digit d[FB_DIGITS];
    size_t n; /* normalized length */
} fbig;

static void fb_set(fbig *a, uint64_t u) {
    a->d[0] = (rc__digit)u;
    a->d[1] = (rc__digit)(u >> 32);
    a->n = rc__mag_trim(a->d, 2);
}

static void fb_shl(fbig *a, unsigned k) {
    size_t kd = k / RC__DIGIT_BITS;
    RC__ASSERT(a->n + kd + 1 <= FB_DIGITS);
    memmove(a->d + kd, a->d, a->n * sizeof *a->d);
    memset(a->d, 0, kd * sizeof *a->d);
    a->d[a->n + kd] =
        rc__mag_lshift(a->d + kd, a->d + kd, a->n, k % RC__DIGIT_BITS);
    a->n = rc__mag_trim(a->d, a->n + kd + 1);
}

static void fb_mul(fbig *a, rc__digit m) {
    rc__digit c = rc__mag_muladd1(a->d, a->n, m, 0);
    if (c) {
        RC__ASSERT(a->n < FB_DIGITS);
        a->d[a->n++] = c;
    }
}

static void fb_mul_pow10(fbig *a, int k) {
    for (; k >= 9; k -= 9)
        fb_mul(a, 1000000000u);
    static const rc__digit small[] = {
        1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    if (k > 0)
        fb_mul(a, small[k]);
}

static int fb_cmp(const fbig *a, const fbig *b) {
    return rc__mag_cmp(a->d, a->n, b->d, b->n);
}

/* Compares a + b with c. */
static int fb_cmp_sum(const fbig *a, const fbig *b, const fbig *c) {
    fbig t;
    t.n = rc__mag_add(t.d, a->d, a->n, b->d, b->n);
    return fb_cmp(&t, c);
}

static void fb_sub(fbig *a, const fbig *b) {
    a->n = rc__mag_sub(a->d, a->d, a->n, b->d, b->n);
}

/* ====================================================================== */
/* Shortest digits                                                          */
/* ====================================================================== */

typedef struct dragon {
    fbig r, s, mp, mm; /* v = r/s; gaps m+/s above and m-/s below, halved */
    bool even;         /* boundaries count as reading back to v */
} dragon;

/* v = f * 2**e with the gaps to its neighbours; the lower gap is half
 * the upper one at a power of two (except at the smallest exponent). */
static void dragon_start(dragon *g, uint64_t f, int e) {
    bool narrow = f == (uint64_t)1 << 52 && e > -1074;
    unsigned up = narrow ? 2 : 1; /* r and s carry an extra factor 2 */
    g->even = (f & 1) == 0;
    fb_set(&g->r, f);
    fb_set(&g->mp, 1);
    fb_set(&g->mm, 1);
    if (e >= 0) {
        fb_shl(&g->r, (unsigned)e + up);
        fb_set(&g->s, 2u * up);
        fb_shl(&g->mp, (unsigned)e + up - 1);
        fb_shl(&g->mm, (unsigned)e);
    } else {
        fb_shl(&g->r, up);
        fb_set(&g->s, 1);
        fb_shl(&g->s, (unsigned)(-e) + up);
        fb_set(&g->mp, up);
    }
}

static bool high_reached(const dragon *g) {
    int c = fb_cmp_sum(&g->r, &g->mp, &g->s);
    return g->even ? c >= 0 : c > 0;
}

/* Scales by a power of ten so that (r + m+)/s lies in [0.1, 1) (the
 * upper end excluded or included per even); returns that power k. The
 * estimate ceil(log10 v) - 1 is never above the answer (log10 is off by
 * far less than 1), so only upward corrections are needed. */
static int dragon_scale(dragon *g, double v) {
    int k = (int)ceil(log10(v)) - 1;
    if (k >= 0) {
        fb_mul_pow10(&g->s, k);
    } else {
        fb_mul_pow10(&g->r, -k);
        fb_mul_pow10(&g->mp, -k);
        fb_mul_pow10(&g->mm, -k);
    }
    while (high_reached(g)) {
        fb_mul(&g->s, 10);
        k++;
    }
    return k;
}

/* The last digit q when both ends are within reach: towards v, and on a
 * tie as Gay's dtoa does. */
static int last_digit(const dragon *g, int q, bool low, bool high) {
    if (!high)
        return q;
    if (!low)
        return q + 1;
    if (fb_cmp_sum(&g->r, &g->mp, &g->s) == 0)
        return q;
    int c = fb_cmp_sum(&g->r, &g->r, &g->s);
    return c > 0 || (c == 0 && (q & 1)) ? q + 1 : q;
}

size_t rc__float_shortest(double v, char *digits, int *exp10) {
    int e;
    uint64_t f = (uint64_t)ldexp(frexp(v, &e), 53);
    e -= 53;
    if (e < -1074) { /* subnormal: the low bits of f are zero */
        f >>= -1074 - e;
        e = -1074;
    }
    dragon g;
    dragon_start(&g, f, e);
    *exp10 = dragon_scale(&g, v);
    size_t n = 0;
    for (;;) {
        fb_mul(&g.r, 10);
        fb_mul(&g.mp, 10);
        fb_mul(&g.mm, 10);
        int q = 0;
        while (fb_cmp(&g.r, &g.s) >= 0) {
            fb_sub(&g.r, &g.s);
            q++;
        }
        int cl = fb_cmp(&g.r, &g.mm);
        bool low = g.even ? cl <= 0 : cl < 0, high = high_reached(&g);
        if (!low && !high && n < 16) {
            digits[n++] = (char)('0' + q);
            continue;
        }
        q = last_digit(&g, q, low, high);
        RC__ASSERT(q <= 9);
        digits[n++] = (char)('0' + q);
        return n;
    }
}

/* ====================================================================== */
/* Fixed notation with few digits, on 128-bit integers                      */
/* ====================================================================== */

size_t rc__float_fixed(double v, int prec, char *out) {
    static const uint64_t pow10[] = {1ull,
                                     10ull,
                                     100ull,
                                     1000ull,
                                     10000ull,
                                     100000ull,
                                     1000000ull,
                                     10000000ull,
                                     100000000ull,
                                     1000000000ull,
                                     10000000000ull,
                                     100000000000ull,
                                     1000000000000ull,
                                     10000000000000ull,
                                     100000000000000ull,
                                     1000000000000000ull,
                                     10000000000000000ull,
                                     100000000000000000ull,
                                     1000000000000000000ull};
    if (prec < 0 || prec > 18 || !(v >= 0) || isinf(v))
        return 0;
    int e;
    uint64_t m = (uint64_t)ldexp(frexp(v, &e), 53); /* v = m * 2**(e-53) */
    e -= 53;
    unsigned __int128 n = (unsigned __int128)m * pow10[prec], q;
    if (e >= 0) { /* an integer: exact if it fits */
        if (e > 63 || (e && (n >> (128 - e)) != 0))
            return 0;
        q = n << e;
    } else if (-e >= 128) { /* below half a unit of the last place */
        q = 0;
    } else { /* v * 10**prec = n / 2**-e, rounded half to even */
        unsigned s = (unsigned)-e;
        unsigned __int128 half = (unsigned __int128)1 << (s - 1);
        unsigned __int128 r = n & ((half << 1) - 1);
        q = n >> s;
        if (r > half || (r == half && (q & 1)))
            q++;
    }
    if (q >> 64)
        return 0;
    uint64_t whole = (uint64_t)q / pow10[prec];
    uint64_t frac = (uint64_t)q % pow10[prec];
    char digits[24];
    size_t nd = 0, len = 0;
    do
        digits[nd++] = (char)('0' + whole % 10);
    while ((whole /= 10) != 0);
    while (nd)
        out[len++] = digits[--nd];
    if (prec) {
        out[len++] = '.';
        for (int i = prec - 1; i >= 0; i--, frac /= 10)
            out[len + (size_t)i] = (char)('0' + frac % 10);
        len += (size_t)prec;
    }
    return len;
}

/* ====================================================================== */
/* repr                                                                     */
/* ====================================================================== */

static size_t put_zeros(char *p, int n) {
    for (int i = 0; i < n; i++)
        p[i] = '0';
    return n > 0 ? (size_t)n : 0;
}

/* Python's 'r' layout: positional for 1e-4 <= |v| < 1e16, else
 * d.ddde+XX with at least two exponent digits. */
static size_t layout(char *out, const char *dg, size_t nd, int k) {
    size_t n = 0;
    if (k > -4 && k <= 16) {
        if (k <= 0) {
            memcpy(out, "0.", 2);
            n = 2 + put_zeros(out + 2, -k);
            memcpy(out + n, dg, nd);
            return n + nd;
        }
        size_t ik = (size_t)k;
        memcpy(out, dg, ik < nd ? ik : nd);
        n = ik < nd ? ik : nd;
        n += put_zeros(out + n, k - (int)nd);
        out[n++] = '.';
        if (ik >= nd) {
            out[n++] = '0';
            return n;
        }
        memcpy(out + n, dg + ik, nd - ik);
        return n + nd - ik;
    }
    out[n++] = dg[0];
    if (nd > 1) {
        out[n++] = '.';
        memcpy(out + n, dg + 1, nd - 1);
        n += nd - 1;
    }
    int x = k - 1;
    n += (size_t)snprintf(out + n, 8, "e%c%02d", x < 0 ? '-' : '+',
                          x < 0 ? -x : x);
    return n;
}

/* Python's repr of v into out (room for 32); returns its length. */
static size_t format_repr(double v, char *out) {
    if (isnan(v)) {
        memcpy(out, "nan", 3);
        return 3;
    }
    size_t n = 0;
    if (signbit(v)) {
        out[n++] = '-';
        v = -v;
    }
    if (isinf(v)) {
        memcpy(out + n, "inf", 3);
        return n + 3;
    }
    if (v == 0.0) {
        memcpy(out + n, "0.0", 3);
        return n + 3;
    }
    char dg[20];
    int k;
    size_t nd = rc__float_shortest(v, dg, &k);
    return n + layout(out + n, dg, nd, k);
}

rc_object *rc__float_repr(rc_object *o) {
    char buf[40];
    size_t n = format_repr(rc__float_val(o), buf);
    return rc_str_from_utf8(rc__runtime_of(o), buf, n);
}

/* ====================================================================== */
/* Reading                                                                  */
/* ====================================================================== */

/* 10**k for 0 <= k <= 22: all exact doubles. */
static double exact_pow10(int k) {
    double p = 1.0;
    for (int i = 0; i < k; i++)
        p *= 10.0;
    return p;
}

/* digits * 10**exp10 with exact integers: one rounding at the end. */
static int decimal_slow(rc_runtime *rt, const char *digits, size_t n,
                        int64_t exp10, double *out) {
    rc_object *m = rc__int_from_decimal(rt, digits, n);
    rc_object *ten = m ? rc_int_from_i64(rt, 10) : NULL;
    rc_object *e = ten ? rc_int_from_i64(rt, exp10 < 0 ? -exp10 : exp10) : NULL;
    rc_object *p = e ? rc_number_power(ten, e) : NULL;
    int st = RC_ENOMEM;
    if (p && exp10 >= 0) {
        rc_object *x = rc_number_multiply(m, p);
        if (x) {
            st = 0;
            *out = rc__int_as_double(x);
            rc_decref(x);
        }
    } else if (p) {
        st = rc__int_truediv_double(m, p, out, true);
    }
    rc_xdecref(m);
    rc_xdecref(e);
    rc_xdecref(p);
    return st;
}

/* digits (only '0'-'9', n > 0) times 10**exp10, correctly rounded; inf on
 * overflow. 0 or RC_ENOMEM. */
static int from_decimal(rc_runtime *rt, const char *digits, size_t n,
                        int64_t exp10, double *out) {
    while (n > 1 && digits[0] == '0')
        digits++, n--;
    if (digits[0] == '0') {
        *out = 0.0;
        return 0;
    }
    while (digits[n - 1] == '0') {
        n--;
        exp10++;
    }
    if ((int64_t)n + exp10 > 310) { /* at least 10**310 */
        *out = INFINITY;
        return 0;
    }
    if ((int64_t)n + exp10 < -324) { /* below 10**-324 */
        *out = 0.0;
        return 0;
    }
    uint64_t m = 0;
    for (size_t i = 0; i < n && n <= 19; i++)
        m = m * 10 + (uint64_t)(digits[i] - '0');
    if (n <= 19 && m <= (uint64_t)1 << 53 && exp10 >= -22 && exp10 <= 22) {
        /* both exact doubles: one correctly rounded operation */
        *out = exp10 >= 0 ? (double)m * exact_pow10((int)exp10)
                          : (double)m / exact_pow10((int)-exp10);
        return 0;
    }
    return decimal_slow(rt, digits, n, exp10, out);
}

/* ---------------------------------------------------------------------- */
/* float() syntax                                                           */
/* ---------------------------------------------------------------------- */

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* Case-insensitive prefix test. */
static bool match_word(const char *p, const char *w, size_t *len) {
    size_t i = 0;
    for (; w[i]; i++)
        if ((p[i] | 0x20) != w[i])
            return false;
    *len = i;
    return true;
}

/* Digits with underscores only between digits; appends the digits to
 * buf (when not NULL) and returns the end, or NULL on a bad underscore. */
static const char *scan_run(const char *p, char *buf, size_t *nbuf,
                            size_t *count) {
    size_t n = 0;
    for (;; p++) {
        if (is_digit(*p)) {
            if (buf)
                buf[(*nbuf)++] = *p;
            n++;
        } else if (*p == '_' && n && is_digit(p[1])) {
            continue;
        } else {
            break;
        }
    }
    *count = n;
    return p;
}

typedef struct decimal {
    char *digits;  /* mantissa digits, no point */
    size_t n;      /* digits written */
    int64_t exp10; /* value = digits * 10**exp10 */
} decimal;

/* Reads an optional exponent at p: e, sign, digits (saturating). */
static const char *scan_exponent(const char *p, int64_t *exp10) {
    if ((*p | 0x20) != 'e')
        return p;
    const char *q = p + 1;
    bool neg = *q == '-';
    if (*q == '-' || *q == '+')
        q++;
    int64_t x = 0;
    size_t cnt = 0;
    for (; is_digit(*q) || (*q == '_' && cnt && is_digit(q[1])); q++) {
        if (*q == '_')
            continue;
        cnt++;
        if (x < 1000000000)
            x = x * 10 + (*q - '0');
    }
    if (cnt == 0)
        return NULL;
    *exp10 += neg ? -x : x;
    return q;
}

/* The number part of a float literal into d (d->digits has room for
 * strlen(p) characters); returns the end, or NULL if malformed. */
static const char *scan_number(const char *p, decimal *d) {
    size_t nint, nfrac = 0;
    d->n = 0;
    d->exp10 = 0;
    p = scan_run(p, d->digits, &d->n, &nint);
    if (*p == '.') {
        p = scan_run(p + 1, d->digits, &d->n, &nfrac);
        d->exp10 = -(int64_t)nfrac;
    }
    if (nint + nfrac == 0)
        return NULL;
    return scan_exponent(p, &d->exp10);
}

static rc_object *not_a_float(rc_runtime *rt, const char *text) {
    char q[200];
    rc__num_quote(q, sizeof q, text);
    rc_set_error(rt, RC_EVALUE, "could not convert string to float: %s", q);
    return NULL;
}

/* inf, infinity or nan at p, any case; the end, or NULL. */
static const char *scan_special(const char *p, double *v) {
    size_t len;
    if (match_word(p, "infinity", &len) || match_word(p, "inf", &len)) {
        *v = INFINITY;
        return p + len;
    }
    if (match_word(p, "nan", &len)) {
        *v = NAN;
        return p + len;
    }
    return NULL;
}

/* A decimal literal at p: 0 with *v, RC_EVALUE when malformed (no error
 * recorded), or RC_ENOMEM. */
static int read_decimal(rc_runtime *rt, const char *p, double *v) {
    size_t cap = strlen(p) + 1;
    char stack[64], *buf = cap <= sizeof stack ? stack : rc_malloc(rt, cap);
    if (!buf)
        return RC_ENOMEM;
    decimal d = {.digits = buf};
    const char *q = scan_number(p, &d);
    while (q && is_space(*q))
        q++;
    int st = q && *q == '\0' ? 0 : RC_EVALUE;
    if (st == 0)
        st = from_decimal(rt, d.digits, d.n, d.exp10, v);
    if (buf != stack)
        rc_free(rt, buf, cap);
    return st;
}

rc_object *rc_float_from_string(rc_runtime *rt, const char *text) {
    const char *p = text;
    while (is_space(*p))
        p++;
    bool neg = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    double v;
    const char *q = scan_special(p, &v);
    if (q) {
        while (is_space(*q))
            q++;
        if (*q != '\0')
            return not_a_float(rt, text);
    } else {
        int st = read_decimal(rt, p, &v);
        if (st == RC_EVALUE)
            return not_a_float(rt, text);
        if (st)
            return NULL;
    }
    return rc_float_from_double(rt, neg ? -v : v);
}
