/*
 * bigint.c — arithmetic on magnitudes: arrays of base-2**32 digits, least
 * significant first, with an explicit length. Nothing here knows about
 * objects or signs; int.c and intops.c build Python's int on top.
 *
 * Contracts: results are written to caller-provided arrays whose room each
 * function states; inputs are not modified unless they are the output.
 * Products of two digits plus two carries fit an rc__twodigits, which is
 * what every inner loop relies on. Multiplication is schoolbook below
 * KARATSUBA_CUTOFF digits and Karatsuba above (with a lopsided split when
 * one factor is much longer); division is Knuth's algorithm D (TAOCP vol.
 * 2, 4.3.1) with a normalizing shift, exact. Only the two functions that
 * take a runtime allocate (scratch space), and they report RC_ENOMEM
 * without side effects on their inputs.
 */
#include "num.h"

/* Factors shorter than this many digits are multiplied by schoolbook. */
#define KARATSUBA_CUTOFF 48

static unsigned clz32(rc__digit x) {
    return x ? (unsigned)__builtin_clz(x) : 32u;
}

static rc__digit *scratch_alloc(rc_runtime *rt, size_t n) {
    if (n > SIZE_MAX / sizeof(rc__digit)) {
        rc_set_error(rt, RC_ENOMEM, "out of memory");
        return NULL;
    }
    return rc_malloc(rt, n * sizeof(rc__digit));
}

static void scratch_free(rc_runtime *rt, rc__digit *p, size_t n) {
    rc_free(rt, p, n * sizeof(rc__digit));
}

/* ====================================================================== */
/* Comparison and addition                                                  */
/* ====================================================================== */

size_t rc__mag_trim(const rc__digit *d, size_t n) {
    while (n && d[n - 1] == 0)
        n--;
    return n;
}

int rc__mag_cmp(const rc__digit *a, size_t na, const rc__digit *b, size_t nb) {
    if (na != nb)
        return na < nb ? -1 : 1;
    while (na--)
        if (a[na] != b[na])
            return a[na] < b[na] ? -1 : 1;
    return 0;
}

size_t rc__mag_add(rc__digit *r, const rc__digit *a, size_t na,
                   const rc__digit *b, size_t nb) {
    if (na < nb) {
        const rc__digit *t = a;
        a = b, b = t;
        size_t tn = na;
        na = nb, nb = tn;
    }
    rc__twodigits c = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        c += (rc__twodigits)a[i] + b[i];
        r[i] = (rc__digit)c;
        c >>= RC__DIGIT_BITS;
    }
    for (; i < na; i++) {
        c += a[i];
        r[i] = (rc__digit)c;
        c >>= RC__DIGIT_BITS;
    }
    r[na] = (rc__digit)c;
    return rc__mag_trim(r, na + 1);
}

size_t rc__mag_sub(rc__digit *r, const rc__digit *a, size_t na,
                   const rc__digit *b, size_t nb) {
    rc__twodigits borrow = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        rc__twodigits t = (rc__twodigits)a[i] - b[i] - borrow;
        r[i] = (rc__digit)t;
        borrow = (t >> RC__DIGIT_BITS) & 1;
    }
    for (; i < na; i++) {
        rc__twodigits t = (rc__twodigits)a[i] - borrow;
        r[i] = (rc__digit)t;
        borrow = (t >> RC__DIGIT_BITS) & 1;
    }
    RC__ASSERT(borrow == 0);
    return rc__mag_trim(r, na);
}

/* r[0..nr) += a[0..na) (na <= nr); returns the carry out of r. */
static rc__digit add_into(rc__digit *r, size_t nr, const rc__digit *a,
                          size_t na) {
    rc__twodigits c = 0;
    size_t i = 0;
    for (; i < na; i++) {
        c += (rc__twodigits)r[i] + a[i];
        r[i] = (rc__digit)c;
        c >>= RC__DIGIT_BITS;
    }
    for (; c && i < nr; i++) {
        c += r[i];
        r[i] = (rc__digit)c;
        c >>= RC__DIGIT_BITS;
    }
    return (rc__digit)c;
}

/* r[0..nr) -= a[0..na) (na <= nr); returns the borrow out of r. */
static rc__digit sub_from(rc__digit *r, size_t nr, const rc__digit *a,
                          size_t na) {
    rc__twodigits borrow = 0;
    size_t i = 0;
    for (; i < na; i++) {
        rc__twodigits t = (rc__twodigits)r[i] - a[i] - borrow;
        r[i] = (rc__digit)t;
        borrow = (t >> RC__DIGIT_BITS) & 1;
    }
    for (; borrow && i < nr; i++) {
        rc__twodigits t = (rc__twodigits)r[i] - borrow;
        r[i] = (rc__digit)t;
        borrow = (t >> RC__DIGIT_BITS) & 1;
    }
    return (rc__digit)borrow;
}

/* ====================================================================== */
/* Single-digit operations and shifts                                       */
/* ====================================================================== */

rc__digit rc__mag_muladd1(rc__digit *a, size_t n, rc__digit m, rc__digit c) {
    rc__twodigits carry = c;
    for (size_t i = 0; i < n; i++) {
        carry += (rc__twodigits)a[i] * m;
        a[i] = (rc__digit)carry;
        carry >>= RC__DIGIT_BITS;
    }
    return (rc__digit)carry;
}

rc__digit rc__mag_divrem1(rc__digit *q, const rc__digit *a, size_t n,
                          rc__digit d) {
    rc__twodigits rem = 0;
    for (size_t i = n; i-- > 0;) {
        rc__twodigits t = (rem << RC__DIGIT_BITS) | a[i];
        q[i] = (rc__digit)(t / d);
        rem = t % d;
    }
    return (rc__digit)rem;
}

rc__digit rc__mag_lshift(rc__digit *r, const rc__digit *a, size_t n,
                         unsigned bits) {
    if (n == 0)
        return 0;
    if (bits == 0) {
        memmove(r, a, n * sizeof *r);
        return 0;
    }
    rc__digit out = a[n - 1] >> (RC__DIGIT_BITS - bits);
    for (size_t i = n - 1; i > 0; i--)
        r[i] = (a[i] << bits) | (a[i - 1] >> (RC__DIGIT_BITS - bits));
    r[0] = a[0] << bits;
    return out;
}

rc__digit rc__mag_rshift(rc__digit *r, const rc__digit *a, size_t n,
                         unsigned bits) {
    if (n == 0)
        return 0;
    if (bits == 0) {
        memmove(r, a, n * sizeof *r);
        return 0;
    }
    rc__digit out = a[0] & (((rc__digit)1 << bits) - 1);
    for (size_t i = 0; i + 1 < n; i++)
        r[i] = (a[i] >> bits) | (a[i + 1] << (RC__DIGIT_BITS - bits));
    r[n - 1] = a[n - 1] >> bits;
    return out;
}

size_t rc__mag_bit_length(const rc__digit *d, size_t n) {
    if (n == 0)
        return 0;
    return (n - 1) * RC__DIGIT_BITS + (RC__DIGIT_BITS - clz32(d[n - 1]));
}

static rc__digit digit_at(const rc__digit *d, size_t n, size_t i) {
    return i < n ? d[i] : 0;
}

uint64_t rc__mag_bits64(const rc__digit *d, size_t n, size_t shift,
                        bool *sticky) {
    size_t k = shift / RC__DIGIT_BITS;
    unsigned off = (unsigned)(shift % RC__DIGIT_BITS);
    uint64_t w0 = digit_at(d, n, k), w1 = digit_at(d, n, k + 1);
    uint64_t w2 = digit_at(d, n, k + 2);
    uint64_t r = ((w1 << 32) | w0) >> off;
    if (off)
        r |= w2 << (64 - off);
    if (!sticky)
        return r;
    bool below = off && (w0 & ((1ull << off) - 1));
    for (size_t i = 0; !below && i < k && i < n; i++)
        below = d[i] != 0;
    if (below)
        *sticky = true;
    return r;
}

/* ====================================================================== */
/* Multiplication                                                           */
/* ====================================================================== */

static void mul_school(rc__digit *r, const rc__digit *a, size_t na,
                       const rc__digit *b, size_t nb) {
    memset(r, 0, (na + nb) * sizeof *r);
    for (size_t i = 0; i < na; i++) {
        rc__twodigits ai = a[i], c = 0;
        if (ai == 0)
            continue;
        for (size_t j = 0; j < nb; j++) {
            c += ai * b[j] + r[i + j];
            r[i + j] = (rc__digit)c;
            c >>= RC__DIGIT_BITS;
        }
        r[i + nb] = (rc__digit)c;
    }
}

static int kmul(rc_runtime *rt, rc__digit *r, const rc__digit *a, size_t na,
                const rc__digit *b, size_t nb);

/* a is at most half as long as b: multiply a by b's slices of a's length
 * (each product balanced) and add them up at their offsets. */
static int kmul_lopsided(rc_runtime *rt, rc__digit *r, const rc__digit *a,
                         size_t na, const rc__digit *b, size_t nb) {
    rc__digit *prod = scratch_alloc(rt, 2 * na);
    if (!prod)
        return RC_ENOMEM;
    memset(r, 0, (na + nb) * sizeof *r);
    int st = 0;
    for (size_t off = 0; off < nb && st == 0; off += na) {
        size_t len = nb - off < na ? nb - off : na;
        st = kmul(rt, prod, a, na, b + off, len);
        if (st == 0)
            add_into(r + off, na + nb - off, prod, na + len);
    }
    scratch_free(rt, prod, 2 * na);
    return st;
}

/* Karatsuba with the split at s = nb/2 digits: with B = 2**(32 s),
 * a = ah B + al, b = bh B + bl, the product is
 *   z2 B**2 + z1 B + z0,  z0 = al bl,  z2 = ah bh,
 *   z1 = (al + ah)(bl + bh) - z0 - z2.
 * z0 and z2 go straight into r's two halves; z1 in scratch. Needs
 * nb/2 < na <= nb. */
static int kmul_split(rc_runtime *rt, rc__digit *r, const rc__digit *a,
                      size_t na, const rc__digit *b, size_t nb) {
    size_t s = nb / 2, nah = na - s, nbh = nb - s;
    size_t nt1 = (s > nah ? s : nah) + 1, nt2 = nbh + 1, nz = nt1 + nt2;
    rc__digit *t1 = scratch_alloc(rt, 2 * nz);
    if (!t1)
        return RC_ENOMEM;
    rc__digit *t2 = t1 + nt1, *z1 = t1 + nz;
    int st = kmul(rt, r, a, s, b, s);
    if (st == 0)
        st = kmul(rt, r + 2 * s, a + s, nah, b + s, nbh);
    if (st == 0) {
        memset(t1, 0, 2 * nz * sizeof *t1);
        memcpy(t1, a, s * sizeof *t1);
        add_into(t1, nt1, a + s, nah);
        memcpy(t2, b, s * sizeof *t2);
        add_into(t2, nt2, b + s, nbh);
        size_t n1 = rc__mag_trim(t1, nt1), n2 = rc__mag_trim(t2, nt2);
        st = kmul(rt, z1, t1, n1, t2, n2);
    }
    if (st == 0) {
        sub_from(z1, nz, r, 2 * s);
        sub_from(z1, nz, r + 2 * s, na + nb - 2 * s);
        add_into(r + s, na + nb - s, z1, rc__mag_trim(z1, nz));
    }
    scratch_free(rt, t1, 2 * nz);
    return st;
}

/* r = a * b (na + nb digits, unnormalized inputs allowed). */
static int kmul(rc_runtime *rt, rc__digit *r, const rc__digit *a, size_t na,
                const rc__digit *b, size_t nb) {
    if (na > nb) {
        const rc__digit *t = a;
        a = b, b = t;
        size_t tn = na;
        na = nb, nb = tn;
    }
    if (na < KARATSUBA_CUTOFF) {
        mul_school(r, a, na, b, nb);
        return 0;
    }
    if (2 * na <= nb)
        return kmul_lopsided(rt, r, a, na, b, nb);
    return kmul_split(rt, r, a, na, b, nb);
}

int rc__mag_mul(rc_runtime *rt, rc__digit *r, const rc__digit *a, size_t na,
                const rc__digit *b, size_t nb) {
    return kmul(rt, r, a, na, b, nb);
}

/* ====================================================================== */
/* Division (Knuth's algorithm D)                                           */
/* ====================================================================== */

/* One step: u[0..n] (n + 1 digits, u[1..n] < v) divided by the normalized
 * v[0..n) (top bit set, n >= 2). Leaves the remainder in u[0..n) with
 * u[n] == 0 and returns the quotient digit. */
static rc__digit div_step(rc__digit *u, const rc__digit *v, size_t n) {
    rc__twodigits num = ((rc__twodigits)u[n] << RC__DIGIT_BITS) | u[n - 1];
    rc__twodigits qhat = num / v[n - 1], rhat = num % v[n - 1];
    /* qhat may exceed the true digit by 2 at most; the test on the second
     * divisor digit removes almost every overshoot. */
    while ((qhat >> RC__DIGIT_BITS) ||
           qhat * v[n - 2] > ((rhat << RC__DIGIT_BITS) | u[n - 2])) {
        qhat--;
        rhat += v[n - 1];
        if (rhat >> RC__DIGIT_BITS)
            break;
    }
    rc__twodigits borrow = 0;
    for (size_t i = 0; i < n; i++) {
        rc__twodigits p = qhat * v[i] + borrow;
        rc__digit lo = (rc__digit)p;
        borrow = (p >> RC__DIGIT_BITS) + (u[i] < lo);
        u[i] -= lo;
    }
    bool negative = u[n] < borrow;
    u[n] = (rc__digit)(u[n] - borrow);
    if (negative) { /* overshot by one: add v back */
        qhat--;
        u[n] += add_into(u, n, v, n);
    }
    return (rc__digit)qhat;
}

int rc__mag_divrem(rc_runtime *rt, rc__digit *q, rc__digit *r,
                   const rc__digit *a, size_t na, const rc__digit *b,
                   size_t nb) {
    RC__ASSERT(nb >= 2 && na >= nb && b[nb - 1] != 0);
    size_t nbuf = na + 1 + nb;
    rc__digit *un = scratch_alloc(rt, nbuf);
    if (!un)
        return RC_ENOMEM;
    rc__digit *vn = un + na + 1;
    unsigned s = clz32(b[nb - 1]);
    rc__mag_lshift(vn, b, nb, s);
    un[na] = rc__mag_lshift(un, a, na, s);
    for (size_t j = na - nb + 1; j-- > 0;)
        q[j] = div_step(un + j, vn, nb);
    rc__mag_rshift(r, un, nb, s);
    scratch_free(rt, un, nbuf);
    return 0;
}
