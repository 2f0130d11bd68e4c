/*
 * int.c — the int and bool objects: representation, the small-int cache,
 * construction, conversion to and from C numbers and doubles, hashing,
 * comparison and the type tables. Operators are in intops.c, text in
 * intstr.c, digit arithmetic in bigint.c.
 *
 * Representation. An int is a compact int64_t while its value fits one,
 * and a sign plus a magnitude of base-2**32 digits only beyond that
 * (num.h gives the layouts). Both forms share one type and one block
 * shape: a 24-byte head (object header plus a signed size field) followed
 * either by the int64_t or by the digits, so a big-form result that turns
 * out to fit is converted in place. Why these choices:
 *   - Machine-sized values dominate real programs; with the int64_t inline
 *     the common operators are a few instructions with overflow checks
 *     (__builtin_*_overflow) and fall back to digits only on overflow.
 *   - 32-bit digits (CPython uses 30) make every digit product plus two
 *     carries fit a uint64_t, so no spare bits are needed, and halve the
 *     digit count; the price is explicit carry handling, which the
 *     rc__twodigits arithmetic in bigint.c does.
 *   - The form is canonical (compact iff it fits), so equality, hashing
 *     and the small-int cache never have to compare across forms.
 * Invariants: size == 0 exactly for values in [INT64_MIN, INT64_MAX];
 * a big form's top digit is nonzero; ints in [-5, 256] are the immortal
 * objects of the runtime's cache (rc__int_finish and rc_int_from_i64 are
 * the only ways results are made, and both consult it); True and False are
 * the only bools, immortal, with the compact layout and values 1 and 0.
 */
#include "num.h"

#include <math.h>

/* ====================================================================== */
/* Types                                                                    */
/* ====================================================================== */

static int int_hash(rc_object *o, int64_t *out);
static rc_object *int_richcompare(rc_object *self, rc_object *other, rc_cmp op);

static int int_truth(rc_object *o) {
    return rc__int_compact(o) ? rc__int_cval(o) != 0 : 1;
}

static const rc_protocol int_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = rc__int_repr,
    .format = rc__format_slot,
    .hash = int_hash,
    .richcompare = int_richcompare,
    .truth = int_truth,
    .binop = rc__int_binop,
    .unop = rc__int_unop,
};

const rc_type rc__int_type = {
    .name = "int",
    .basicsize = offsetof(rc__bint, d),
    .itemsize = sizeof(rc__digit),
    .flags = RC__TYPE_LEAF,
    .protocol = &int_protocol,
};

static const rc_protocol bool_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = rc__bool_repr,
    .format = rc__format_slot,
    .hash = int_hash,
    .richcompare = int_richcompare,
    .truth = int_truth,
    .binop = rc__int_binop,
    .unop = rc__int_unop,
};

const rc_type rc__bool_type = {
    .name = "bool",
    .basicsize = sizeof(rc__cint),
    .flags = RC__TYPE_LEAF,
    .protocol = &bool_protocol,
};

bool rc_is_int(const rc_object *o) {
    return o->type == &rc__int_type || o->type == &rc__bool_type;
}

bool rc_is_bool(const rc_object *o) {
    return o->type == &rc__bool_type;
}

static rc__num_state *num_state(rc_runtime *rt) {
    return &rt->types->num;
}

/* ====================================================================== */
/* The runtime's part: small ints and the two bools                         */
/* ====================================================================== */

static rc_object *immortal_compact(rc_runtime *rt, const rc_type *t,
                                   int64_t v) {
    rc__cint *c =
        (rc__cint *)(t == &rc__int_type ? rc_new_var(rt, t, 2) : rc_new(rt, t));
    if (!c)
        return NULL;
    c->size = 0;
    c->v = v;
    rc_set_immortal(&c->ob);
    return &c->ob;
}

int rc__num_init(rc_runtime *rt) {
    rc__num_state *st = num_state(rt);
    for (int i = 0; i < RC__SMALL_INT_COUNT; i++) {
        st->small_ints[i] =
            immortal_compact(rt, &rc__int_type, RC__SMALL_INT_MIN + i);
        if (!st->small_ints[i])
            return RC_ENOMEM;
    }
    st->true_ = immortal_compact(rt, &rc__bool_type, 1);
    st->false_ = st->true_ ? immortal_compact(rt, &rc__bool_type, 0) : NULL;
    return st->false_ ? 0 : RC_ENOMEM;
}

/* The objects themselves go with the heap; only the list must be emptied
 * through the allocator. */
void rc__num_fini(rc_runtime *rt) {
    rc__num_clear_freelists(rt);
    memset(num_state(rt), 0, sizeof(rc__num_state));
}

/* ====================================================================== */
/* bool                                                                     */
/* ====================================================================== */

rc_object *rc_bool_from(rc_runtime *rt, bool v) {
    return v ? num_state(rt)->true_ : num_state(rt)->false_;
}

rc_object *rc_true(rc_runtime *rt) {
    return num_state(rt)->true_;
}

rc_object *rc_false(rc_runtime *rt) {
    return num_state(rt)->false_;
}

/* ====================================================================== */
/* Construction                                                             */
/* ====================================================================== */

static bool is_small(int64_t v) {
    return v >= RC__SMALL_INT_MIN && v <= RC__SMALL_INT_MAX;
}

rc_object *rc_int_from_i64(rc_runtime *rt, int64_t v) {
    if (is_small(v))
        return num_state(rt)->small_ints[v - RC__SMALL_INT_MIN];
    rc__cint *c = (rc__cint *)rc_new_var(rt, &rc__int_type, 2);
    if (!c)
        return NULL;
    c->size = 0;
    c->v = v;
    return &c->ob;
}

/* Digits beyond this are refused as CPython does ("too many digits"). */
#define MAX_DIGITS ((size_t)1 << 56)

rc__bint *rc__bint_new(rc_runtime *rt, size_t ndigits) {
    if (ndigits > MAX_DIGITS) {
        rc_set_error(rt, RC_EOVERFLOW, "too many digits in integer");
        return NULL;
    }
    return (rc__bint *)rc_new_var(rt, &rc__int_type, ndigits < 2 ? 2 : ndigits);
}

/* The int64_t of magnitude u and sign neg, if there is one. */
static bool fits_i64(uint64_t u, bool neg, int64_t *v) {
    if (u <= (uint64_t)INT64_MAX) {
        *v = neg ? -(int64_t)u : (int64_t)u;
        return true;
    }
    if (neg && u == (uint64_t)1 << 63) {
        *v = INT64_MIN;
        return true;
    }
    return false;
}

static uint64_t low_u64(const rc__digit *d, size_t n) {
    return n == 0 ? 0 : n == 1 ? d[0] : d[0] | (uint64_t)d[1] << 32;
}

rc_object *rc__int_finish(rc__bint *b, size_t n, bool neg) {
    int64_t v;
    n = rc__mag_trim(b->d, n);
    if (n <= 2 && fits_i64(low_u64(b->d, n), neg, &v)) {
        if (is_small(v)) {
            rc_runtime *rt = rc__runtime_of(&b->ob);
            rc_decref(&b->ob);
            return num_state(rt)->small_ints[v - RC__SMALL_INT_MIN];
        }
        rc__cint *c = (rc__cint *)b;
        c->size = 0;
        c->v = v;
        return &c->ob;
    }
    b->size = neg ? -(int64_t)n : (int64_t)n;
    return &b->ob;
}

rc_object *rc__int_from_mag(rc_runtime *rt, const rc__digit *d, size_t n,
                            bool neg) {
    int64_t v;
    n = rc__mag_trim(d, n);
    if (n <= 2 && fits_i64(low_u64(d, n), neg, &v))
        return rc_int_from_i64(rt, v);
    rc__bint *b = rc__bint_new(rt, n);
    if (!b)
        return NULL;
    memcpy(b->d, d, n * sizeof *d);
    return rc__int_finish(b, n, neg);
}

rc_object *rc_int_from_u64(rc_runtime *rt, uint64_t u) {
    rc__digit d[2] = {(rc__digit)u, (rc__digit)(u >> 32)};
    return rc__int_from_mag(rt, d, 2, false);
}

/* ====================================================================== */
/* Views                                                                    */
/* ====================================================================== */

void rc__mag_of_u64(rc__mag *m, uint64_t u, bool neg) {
    m->buf[0] = (rc__digit)u;
    m->buf[1] = (rc__digit)(u >> 32);
    m->d = m->buf;
    m->n = (u >> 32) ? 2 : u ? 1 : 0;
    m->neg = neg && u != 0;
}

static uint64_t abs_u64(int64_t v) {
    return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

void rc__int_view(const rc_object *o, rc__mag *m) {
    const rc__int *h = (const rc__int *)o;
    if (h->size == 0) {
        int64_t v = rc__int_cval(o);
        rc__mag_of_u64(m, abs_u64(v), v < 0);
        return;
    }
    m->d = ((const rc__bint *)o)->d;
    m->n = (size_t)(h->size < 0 ? -h->size : h->size);
    m->neg = h->size < 0;
}

/* ====================================================================== */
/* Conversion to C numbers                                                  */
/* ====================================================================== */

static int not_an_int(const rc_object *o) {
    return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                        "'%s' object cannot be interpreted as an integer",
                        rc_type_name(o));
}

int rc_int_to_i64(const rc_object *o, int64_t *out) {
    if (!rc_is_int(o))
        return not_an_int(o);
    if (!rc__int_compact(o))
        return rc_set_error(rc__runtime_of(o), RC_EOVERFLOW,
                            "Python int too large to convert to C int64_t");
    *out = rc__int_cval(o);
    return 0;
}

int rc_int_sign(const rc_object *o) {
    if (rc__int_compact(o)) {
        int64_t v = rc__int_cval(o);
        return (v > 0) - (v < 0);
    }
    return ((const rc__int *)o)->size > 0 ? 1 : -1;
}

size_t rc_int_bit_length(const rc_object *o) {
    rc__mag m;
    rc__int_view(o, &m);
    return rc__mag_bit_length(m.d, m.n);
}

/* The double nearest |m| (ties to even), or +inf when it is 2**1024 or
 * more after rounding. Keeps 55 bits and folds every lower bit into the
 * last one, so the hardware's round-to-nearest-even conversion of those
 * 55 bits rounds the whole magnitude correctly. */
static double mag_to_double(const rc__mag *m) {
    size_t bits = rc__mag_bit_length(m->d, m->n);
    if (bits <= 64)
        return (double)low_u64(m->d, m->n);
    if (bits > 1025)
        return INFINITY;
    bool sticky = false;
    size_t shift = bits - 55;
    uint64_t x = rc__mag_bits64(m->d, m->n, shift, &sticky);
    return ldexp((double)(x | sticky), (int)shift);
}

double rc__int_as_double(const rc_object *o) {
    if (rc__int_compact(o))
        return (double)rc__int_cval(o);
    rc__mag m;
    rc__int_view(o, &m);
    double d = mag_to_double(&m);
    return m.neg ? -d : d;
}

int rc_int_to_double(const rc_object *o, double *out) {
    if (!rc_is_int(o))
        return not_an_int(o);
    double d = rc__int_as_double(o);
    if (isinf(d))
        return rc_set_error(rc__runtime_of(o), RC_EOVERFLOW,
                            "int too large to convert to float");
    *out = d;
    return 0;
}

/* ====================================================================== */
/* Conversion from double                                                   */
/* ====================================================================== */

/* Digits of a magnitude below 2**1024, with room to spare. */
#define DOUBLE_DIGITS 34

/* The magnitude of trunc(|f|) for a finite f: returns its length. */
static size_t trunc_to_mag(double f, rc__digit d[DOUBLE_DIGITS]) {
    double t = trunc(fabs(f));
    memset(d, 0, DOUBLE_DIGITS * sizeof *d);
    if (t < 18446744073709551616.0) {
        uint64_t u = (uint64_t)t;
        d[0] = (rc__digit)u;
        d[1] = (rc__digit)(u >> 32);
        return rc__mag_trim(d, 2);
    }
    int e;
    uint64_t mant = (uint64_t)ldexp(frexp(t, &e), 53); /* t = mant 2**(e-53) */
    size_t shift = (size_t)(e - 53), k = shift / RC__DIGIT_BITS;
    rc__digit m[3] = {(rc__digit)mant, (rc__digit)(mant >> 32), 0};
    rc__mag_lshift(d + k, m, 3, (unsigned)(shift % RC__DIGIT_BITS));
    return rc__mag_trim(d, k + 3);
}

/* int(f) for a finite f, truncating. */
static rc_object *from_finite(rc_runtime *rt, double f) {
    if (f >= -9223372036854775808.0 && f < 9223372036854775808.0)
        return rc_int_from_i64(rt, (int64_t)f);
    rc__digit d[DOUBLE_DIGITS];
    size_t n = trunc_to_mag(f, d);
    return rc__int_from_mag(rt, d, n, f < 0);
}

rc_object *rc_int_from_double(rc_runtime *rt, double v) {
    if (isnan(v)) {
        rc_set_error(rt, RC_EVALUE, "cannot convert float NaN to integer");
        return NULL;
    }
    if (isinf(v)) {
        rc_set_error(rt, RC_EOVERFLOW,
                     "cannot convert float infinity to integer");
        return NULL;
    }
    return from_finite(rt, v);
}

/* ====================================================================== */
/* Comparison                                                               */
/* ====================================================================== */

/* Sign of a - b for signed magnitudes. */
static int cmp_signed(const rc__digit *a, size_t na, bool aneg,
                      const rc__digit *b, size_t nb, bool bneg) {
    int sa = na == 0 ? 0 : aneg ? -1 : 1, sb = nb == 0 ? 0 : bneg ? -1 : 1;
    if (sa != sb)
        return sa < sb ? -1 : 1;
    int c = rc__mag_cmp(a, na, b, nb);
    return aneg ? -c : c;
}

/* Sign of a - b for two ints. */
static int cmp3(const rc_object *a, const rc_object *b) {
    if (rc__int_compact(a) && rc__int_compact(b)) {
        int64_t x = rc__int_cval(a), y = rc__int_cval(b);
        return (x > y) - (x < y);
    }
    rc__mag ma, mb;
    rc__int_view(a, &ma);
    rc__int_view(b, &mb);
    return cmp_signed(ma.d, ma.n, ma.neg, mb.d, mb.n, mb.neg);
}

int rc__int_compare(const rc_object *a, const rc_object *b, rc_cmp op) {
    return rc__cmp_result(cmp3(a, b), op);
}

static rc_object *int_richcompare(rc_object *self, rc_object *other,
                                  rc_cmp op) {
    if (!rc_is_int(other))
        return rc__notimpl_of(self);
    return rc__bool(rc__runtime_of(self), rc__int_compare(self, other, op));
}

/* Compares with trunc(f) exactly, then lets f's fraction decide a tie. */
int rc__int_cmp_double(const rc_object *a, double f) {
    double t = trunc(f), frac = f - t;
    int c;
    if (rc__int_compact(a) && fabs(t) < 9223372036854775808.0) {
        int64_t x = rc__int_cval(a), y = (int64_t)t;
        c = (x > y) - (x < y);
    } else {
        rc__mag m;
        rc__digit d[DOUBLE_DIGITS];
        rc__int_view(a, &m);
        size_t n = trunc_to_mag(t, d);
        c = cmp_signed(m.d, m.n, m.neg, d, n, t < 0);
    }
    if (c)
        return c;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

/* ====================================================================== */
/* Hash: the value modulo 2**61 - 1, with the value's sign                 */
/* ====================================================================== */

static int int_hash(rc_object *o, int64_t *out) {
    rc__mag m;
    rc__int_view(o, &m);
    uint64_t x = 0;
    if (m.n <= 2) {
        x = low_u64(m.d, m.n) % RC__HASH_MODULUS;
    } else {
        /* x * 2**32 mod (2**61 - 1) is a 61-bit rotation by 32 */
        for (size_t i = m.n; i-- > 0;) {
            x = ((x << 32) & RC__HASH_MODULUS) | (x >> (RC__HASH_BITS - 32));
            x += m.d[i];
            if (x >= RC__HASH_MODULUS)
                x -= RC__HASH_MODULUS;
        }
    }
    int64_t h = m.neg ? -(int64_t)x : (int64_t)x;
    *out = h == -1 ? -2 : h;
    return 0;
}

/* ====================================================================== */
/* True division, correctly rounded                                         */
/* ====================================================================== */

/* The shifted dividend of the slow path: floor(|a| * 2**-s), with *sticky
 * set when bits were dropped. A scratch block of *cap digits, or NULL. */
static rc__digit *scaled_dividend(rc_runtime *rt, const rc__mag *a, int64_t s,
                                  size_t *n, size_t *cap, bool *sticky) {
    size_t k = (size_t)(s < 0 ? -s : s) / RC__DIGIT_BITS;
    unsigned bits = (unsigned)((s < 0 ? -s : s) % RC__DIGIT_BITS);
    *cap = a->n + k + 2;
    rc__digit *x = rc_malloc(rt, *cap * sizeof *x);
    if (!x)
        return NULL;
    memset(x, 0, *cap * sizeof *x);
    if (s <= 0) {
        x[k + a->n] = rc__mag_lshift(x + k, a->d, a->n, bits);
        *n = rc__mag_trim(x, k + a->n + 1);
        return x;
    }
    for (size_t i = 0; i < k; i++) /* k < a->n: s < bits of a */
        *sticky |= a->d[i] != 0;
    *sticky |= rc__mag_rshift(x, a->d + k, a->n - k, bits) != 0;
    *n = rc__mag_trim(x, a->n - k);
    return x;
}

/* floor(x / b) when it fits 64 bits (the caller guarantees it), with
 * *sticky set when the division is inexact. 0 or RC_ENOMEM. */
static int div_to_u64(rc_runtime *rt, const rc__digit *x, size_t nx,
                      const rc__mag *b, uint64_t *q, bool *sticky) {
    if (nx < b->n) {
        *q = 0;
        *sticky |= nx != 0;
        return 0;
    }
    size_t nq = nx - b->n + 1, nbuf = nq + b->n;
    rc__digit *qd = rc_malloc(rt, nbuf * sizeof *qd);
    if (!qd)
        return RC_ENOMEM;
    rc__digit *rd = qd + nq;
    int st = 0;
    if (b->n == 1)
        *sticky |= rc__mag_divrem1(qd, x, nx, b->d[0]) != 0;
    else if ((st = rc__mag_divrem(rt, qd, rd, x, nx, b->d, b->n)) == 0)
        *sticky |= rc__mag_trim(rd, b->n) != 0;
    if (st == 0) {
        size_t n = rc__mag_trim(qd, nq);
        RC__ASSERT(n <= 2);
        *q = low_u64(qd, n);
    }
    rc_free(rt, qd, nbuf * sizeof *qd);
    return st;
}

/* Rounds q * 2**s (q < 2**57, *sticky: the true value is a little more)
 * to the double grid: 53 bits, or the subnormal grid of 2**-1074. */
static double round_scaled(uint64_t q, int64_t s, bool sticky) {
    if (q == 0)
        return 0.0;
    int64_t qbits = 64 - __builtin_clzll(q);
    int64_t lsb = s + qbits - 53 > -1074 ? s + qbits - 53 : -1074;
    int extra = (int)(lsb - s); /* 2 or 3 */
    uint64_t half = (uint64_t)1 << (extra - 1), low = q & (2 * half - 1);
    q >>= extra;
    if (low > half || (low == half && (sticky || (q & 1))))
        q++;
    return ldexp((double)q, (int)lsb);
}

/* |a| / |b| for b != 0 by an exact integer division that yields 55 or 56
 * significant bits (fewer only where the result is subnormal) plus a
 * sticky bit, rounded once: the method of CPython's long_true_divide.
 * 0, RC_ENOMEM, or 1 when the quotient is too large for a double. */
static int truediv_slow(rc_runtime *rt, const rc__mag *a, const rc__mag *b,
                        double *out) {
    int64_t diff = (int64_t)rc__mag_bit_length(a->d, a->n) -
                   (int64_t)rc__mag_bit_length(b->d, b->n);
    if (diff > 1024) /* the quotient is at least 2**1024 */
        return 1;
    if (diff < -1075) { /* below half the smallest subnormal */
        *out = 0.0;
        return 0;
    }
    int64_t s = (diff > -1021 ? diff : -1021) - 55;
    bool sticky = false;
    size_t nx, cap;
    rc__digit *x = scaled_dividend(rt, a, s, &nx, &cap, &sticky);
    if (!x)
        return RC_ENOMEM;
    uint64_t q = 0;
    int st = div_to_u64(rt, x, nx, b, &q, &sticky);
    rc_free(rt, x, cap * sizeof *x);
    if (st)
        return st;
    *out = round_scaled(q, s, sticky);
    return isinf(*out) ? 1 : 0;
}

#define EXACT_LIMIT ((uint64_t)1 << 53)

int rc__int_truediv_double(const rc_object *a, const rc_object *b, double *out,
                           bool inf_on_overflow) {
    rc_runtime *rt = rc__runtime_of(a);
    rc__mag ma, mb;
    rc__int_view(a, &ma);
    rc__int_view(b, &mb);
    if (mb.n == 0)
        return rc_set_error(rt, RC_EZERODIV, "division by zero");
    bool neg = ma.neg != mb.neg;
    double r = 0.0;
    if (ma.n <= 2 && mb.n <= 2 && low_u64(ma.d, ma.n) <= EXACT_LIMIT &&
        low_u64(mb.d, mb.n) <= EXACT_LIMIT) {
        r = (double)low_u64(ma.d, ma.n) / (double)low_u64(mb.d, mb.n);
    } else if (ma.n) {
        int st = truediv_slow(rt, &ma, &mb, &r);
        if (st == 1 && !inf_on_overflow)
            return rc_set_error(rt, RC_EOVERFLOW,
                                "integer division result "
                                "too large for a float");
        if (st == 1)
            r = INFINITY;
        else if (st)
            return st;
    }
    *out = neg ? -r : r;
    return 0;
}
