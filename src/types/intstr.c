/*
 * intstr.c — int and bool as text: repr, rc_int_format in bases 2 to 36,
 * and rc_int_from_string with the rules of Python's int(text, base).
 *
 * Formatting writes characters backwards from the end of a buffer sized by
 * an upper bound: power-of-two bases take bit groups straight from the
 * digits (linear); other bases divide a scratch copy repeatedly by the
 * largest power of the base that fits a digit (quadratic, as CPython before
 * 3.12; fine for the sizes programs print). Parsing first checks the whole
 * literal (sign, prefix, underscores, surrounding whitespace) and counts
 * its digits, then builds the value: in a uint64_t when it fits, by bit
 * packing for power-of-two bases, and by multiply-and-add of digit chunks
 * otherwise. Only ASCII digits and whitespace are recognised.
 */
#include "num.h"

static const char DIGIT_CHARS[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* floor(log2(base)), and whether base is a power of two. */
static unsigned log2_floor(int base, bool *pow2) {
    unsigned lg = 0;
    while ((2 << lg) <= base)
        lg++;
    *pow2 = (base & (base - 1)) == 0;
    return lg;
}

/* The largest power base**k that fits a digit, and k. */
static rc__digit chunk_power(int base, unsigned *k) {
    rc__twodigits p = (rc__twodigits)base;
    *k = 1;
    while (p * (rc__twodigits)base <= 0xFFFFFFFFu) {
        p *= (rc__twodigits)base;
        (*k)++;
    }
    return (rc__digit)p;
}

/* ====================================================================== */
/* Formatting                                                               */
/* ====================================================================== */

/* Writes |u| backwards ending before end; returns the characters written. */
static size_t format_u64(uint64_t u, int base, char *end) {
    size_t n = 0;
    do {
        end[-(ptrdiff_t)++n] = DIGIT_CHARS[u % (uint64_t)base];
        u /= (uint64_t)base;
    } while (u);
    return n;
}

static size_t format_pow2(const rc__mag *m, unsigned lg, char *end) {
    size_t bits = rc__mag_bit_length(m->d, m->n), n = 0;
    for (size_t pos = 0; pos < bits; pos += lg) {
        uint64_t v = rc__mag_bits64(m->d, m->n, pos, NULL);
        end[-(ptrdiff_t)++n] = DIGIT_CHARS[v & ((1u << lg) - 1)];
    }
    return n;
}

/* Other bases: divide a copy by base**k, k characters per remainder (the
 * last, most significant chunk without leading zeros). */
static int format_general(rc_runtime *rt, const rc__mag *m, int base, char *end,
                          size_t *count) {
    rc__digit *t = rc_malloc(rt, m->n * sizeof *t);
    if (!t)
        return RC_ENOMEM;
    memcpy(t, m->d, m->n * sizeof *t);
    unsigned k;
    rc__digit pw = chunk_power(base, &k);
    size_t n = 0, len = m->n;
    while (len) {
        rc__digit rem = rc__mag_divrem1(t, t, len, pw);
        len = rc__mag_trim(t, len);
        for (unsigned i = 0; i < k && (len || rem); i++) {
            end[-(ptrdiff_t)++n] = DIGIT_CHARS[rem % (rc__digit)base];
            rem /= (rc__digit)base;
        }
    }
    rc_free(rt, t, m->n * sizeof *t);
    *count = n;
    return 0;
}

/* A new str of m's digits in base, with '-' for negatives. */
static rc_object *format_mag(rc_runtime *rt, const rc__mag *m, int base) {
    bool pow2;
    unsigned lg = log2_floor(base, &pow2);
    size_t cap = m->n * RC__DIGIT_BITS / lg + 3, n = 0;
    char stack[80], *buf = cap <= sizeof stack ? stack : rc_malloc(rt, cap);
    if (!buf)
        return NULL;
    char *end = buf + cap;
    int st = 0;
    if (m->n <= 2)
        n = format_u64(m->d[0] | (m->n > 1 ? (uint64_t)m->d[1] << 32 : 0), base,
                       end);
    else if (pow2)
        n = format_pow2(m, lg, end);
    else
        st = format_general(rt, m, base, end, &n);
    if (m->neg)
        end[-(ptrdiff_t)++n] = '-';
    rc_object *s = st ? NULL : rc_str_from_utf8(rt, end - n, n);
    if (buf != stack)
        rc_free(rt, buf, cap);
    return s;
}

rc_object *rc_int_format(const rc_object *o, int base) {
    rc_runtime *rt = rc__runtime_of(o);
    if (!rc_is_int(o)) {
        rc_set_error(rt, RC_ETYPE,
                     "'%s' object cannot be interpreted as an "
                     "integer",
                     rc_type_name(o));
        return NULL;
    }
    if (base < 2 || base > 36) {
        rc_set_error(rt, RC_EVALUE, "base must be >= 2 and <= 36");
        return NULL;
    }
    rc__mag m;
    rc__int_view(o, &m);
    if (m.n == 0)
        return rc_str_from_utf8(rt, "0", 1);
    return format_mag(rt, &m, base);
}

rc_object *rc__int_repr(rc_object *o) {
    return rc_int_format(o, 10);
}

rc_object *rc__bool_repr(rc_object *o) {
    bool t = rc__int_cval(o) != 0;
    return rc_str_from_utf8(rc__runtime_of(o), t ? "True" : "False", t ? 4 : 5);
}

/* ====================================================================== */
/* Error messages                                                           */
/* ====================================================================== */

static size_t quote_char(char *q, unsigned char c, char quote) {
    if (c == '\\' || c == (unsigned char)quote)
        return (size_t)snprintf(q, 8, "\\%c", c);
    if (c == '\n' || c == '\r' || c == '\t')
        return (size_t)snprintf(q, 8, "\\%c",
                                c == '\n'   ? 'n'
                                : c == '\r' ? 'r'
                                            : 't');
    if (c < 0x20 || c == 0x7f)
        return (size_t)snprintf(q, 8, "\\x%02x", c);
    q[0] = (char)c;
    return 1;
}

void rc__num_quote(char *out, size_t cap, const char *s) {
    char quote = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
    size_t n = 0;
    out[n++] = quote;
    for (; *s; s++) {
        char q[8];
        size_t k = quote_char(q, (unsigned char)*s, quote);
        if (n + k + 2 > cap)
            break;
        memcpy(out + n, q, k);
        n += k;
    }
    if (n + 2 <= cap)
        out[n++] = quote;
    out[n] = '\0';
}

static rc_object *invalid_literal(rc_runtime *rt, const char *s, int base) {
    char q[200];
    rc__num_quote(q, sizeof q, s);
    rc_set_error(rt, RC_EVALUE, "invalid literal for int() with base %d: %s",
                 base, q);
    return NULL;
}

/* ====================================================================== */
/* Parsing                                                                  */
/* ====================================================================== */

typedef struct literal {
    const char *start, *end; /* the digits, underscores included */
    size_t ndigits;          /* digits among them */
    int base;                /* the base they are in */
    bool neg;
} literal;

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* The base a "0x" / "0o" / "0b" prefix at p names, or 0. */
static int prefix_base(const char *p) {
    if (p[0] != '0')
        return 0;
    char c = (char)(p[1] | 0x20);
    return c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
}

/* Digits with single underscores between them (and one allowed right
 * after a prefix); returns the end, or NULL when malformed. */
static const char *scan_digits(const char *p, int base, bool after_prefix,
                               size_t *count) {
    bool prev_us = false, us_ok = after_prefix;
    size_t n = 0;
    for (;; p++) {
        if (digit_value(*p) < base) {
            n++;
            prev_us = false;
            us_ok = true;
        } else if (*p == '_' && us_ok && !prev_us) {
            prev_us = true;
        } else {
            break;
        }
    }
    *count = n;
    return n == 0 || prev_us ? NULL : p;
}

static bool scan_literal(const char *s, int base, literal *lit) {
    const char *p = s;
    while (is_space(*p))
        p++;
    lit->neg = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    int pb = prefix_base(p);
    bool prefixed = pb && (base == 0 || base == pb);
    if (prefixed) {
        base = pb;
        p += 2;
    }
    bool base0_decimal = base == 0;
    if (base == 0)
        base = 10;
    lit->start = p;
    lit->base = base;
    p = scan_digits(p, base, prefixed, &lit->ndigits);
    if (!p)
        return false;
    lit->end = p;
    if (base0_decimal && *lit->start == '0') /* "010" is not allowed */
        for (const char *q = lit->start; q < lit->end; q++)
            if (*q != '0' && *q != '_')
                return false;
    while (is_space(*p))
        p++;
    return *p == '\0';
}

/* The value when it fits 64 bits. */
static bool parse_u64(const literal *lit, uint64_t *out) {
    uint64_t v = 0;
    for (const char *p = lit->start; p < lit->end; p++) {
        if (*p == '_')
            continue;
        if (__builtin_mul_overflow(v, (uint64_t)lit->base, &v) ||
            __builtin_add_overflow(v, (uint64_t)digit_value(*p), &v))
            return false;
    }
    *out = v;
    return true;
}

/* Power-of-two bases: lg bits per character, packed from the right. */
static size_t pack_bits(const literal *lit, unsigned lg, rc__digit *d) {
    rc__twodigits acc = 0;
    unsigned have = 0;
    size_t n = 0;
    for (const char *p = lit->end; p-- > lit->start;) {
        if (*p == '_')
            continue;
        acc |= (rc__twodigits)digit_value(*p) << have;
        have += lg;
        if (have >= RC__DIGIT_BITS) {
            d[n++] = (rc__digit)acc;
            acc >>= RC__DIGIT_BITS;
            have -= RC__DIGIT_BITS;
        }
    }
    if (have)
        d[n++] = (rc__digit)acc;
    return n;
}

/* Other bases: value = value * base**k + chunk, k characters at a time
 * (the last chunk may be shorter). */
static size_t multiply_in(const literal *lit, rc__digit *d) {
    unsigned k, cnt = 0;
    rc__digit pw = chunk_power(lit->base, &k), chunk = 0, mult = 1;
    size_t n = 0;
    for (const char *p = lit->start; p < lit->end; p++) {
        if (*p == '_')
            continue;
        chunk = chunk * (rc__digit)lit->base + (rc__digit)digit_value(*p);
        mult *= (rc__digit)lit->base;
        if (++cnt < k)
            continue;
        rc__digit carry = rc__mag_muladd1(d, n, pw, chunk);
        if (carry)
            d[n++] = carry;
        cnt = 0, chunk = 0, mult = 1;
    }
    if (cnt) {
        rc__digit carry = rc__mag_muladd1(d, n, mult, chunk);
        if (carry)
            d[n++] = carry;
    }
    return n;
}

static rc_object *build(rc_runtime *rt, const literal *lit) {
    uint64_t u;
    if (parse_u64(lit, &u)) {
        rc__mag m;
        rc__mag_of_u64(&m, u, lit->neg);
        return rc__int_from_mag(rt, m.d, m.n, m.neg);
    }
    bool pow2;
    unsigned lg = log2_floor(lit->base, &pow2);
    unsigned bits = pow2 ? lg : lg + 1; /* per character, at most */
    if (lit->ndigits > SIZE_MAX / bits - RC__DIGIT_BITS) {
        rc_set_error(rt, RC_EOVERFLOW, "too many digits in integer");
        return NULL;
    }
    size_t cap = (lit->ndigits * bits) / RC__DIGIT_BITS + 2;
    rc__bint *b = rc__bint_new(rt, cap);
    if (!b)
        return NULL;
    size_t n = pow2 ? pack_bits(lit, lg, b->d) : multiply_in(lit, b->d);
    return rc__int_finish(b, n, lit->neg);
}

rc_object *rc_int_from_string(rc_runtime *rt, const char *digits, int base) {
    if (base != 0 && (base < 2 || base > 36)) {
        rc_set_error(rt, RC_EVALUE, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    literal lit;
    if (!scan_literal(digits, base, &lit))
        return invalid_literal(rt, digits, base);
    return build(rt, &lit);
}

rc_object *rc__int_from_decimal(rc_runtime *rt, const char *digits, size_t n) {
    literal lit = {.start = digits,
                   .end = digits + n,
                   .ndigits = n,
                   .base = 10,
                   .neg = false};
    return build(rt, &lit);
}
