/*
 * intops.c — int's operators (the binop and unop slots of int and bool):
 * + - * / // % divmod ** << >> & | ^ and unary - + abs ~, with Python's
 * semantics: never overflowing, floor division and a remainder with the
 * divisor's sign, two's-complement bit operations on negative numbers,
 * true division and negative powers giving floats.
 *
 * Every operator first tries the compact form (int64_t arithmetic with
 * overflow checks) and falls back to magnitudes (bigint.c) when an operand
 * is big or the result overflows. Results are made only through
 * rc_int_from_i64 and rc__int_finish, so they are canonical and results in
 * [-5, 256] are the cached objects. Operands are never modified; on
 * failure nothing is left allocated.
 */
#include "num.h"

static const rc__digit ONE = 1;

/* ====================================================================== */
/* Helpers                                                                  */
/* ====================================================================== */

static rc_object *pack2(rc_runtime *rt, rc_object *q, rc_object *r) {
    rc_object *t = q && r ? rc_tuple_pack(rt, 2, q, r) : NULL;
    rc_xdecref(q);
    rc_xdecref(r);
    return t;
}

/* CPython's words: % alone says "integer modulo by zero". */
static rc_object *zero_division(rc_runtime *rt, bool modulo) {
    rc_set_error(rt, RC_EZERODIV,
                 modulo ? "integer modulo by zero"
                        : "integer division or modulo by zero");
    return NULL;
}

static rc_object *too_many_digits(rc_runtime *rt) {
    rc_set_error(rt, RC_EOVERFLOW, "too many digits in integer");
    return NULL;
}

static rc_object *negative_shift(rc_runtime *rt) {
    rc_set_error(rt, RC_EVALUE, "negative shift count");
    return NULL;
}

/* ====================================================================== */
/* Magnitude paths                                                          */
/* ====================================================================== */

/* a + b, or a - b when negb. */
static rc_object *addsub(rc_runtime *rt, const rc__mag *a, const rc__mag *b,
                         bool negb) {
    bool bneg = b->neg != negb;
    rc__bint *r = rc__bint_new(rt, (a->n > b->n ? a->n : b->n) + 1);
    if (!r)
        return NULL;
    size_t n;
    if (a->neg == bneg || b->n == 0) {
        n = rc__mag_add(r->d, a->d, a->n, b->d, b->n);
        return rc__int_finish(r, n, a->neg);
    }
    if (rc__mag_cmp(a->d, a->n, b->d, b->n) >= 0) {
        n = rc__mag_sub(r->d, a->d, a->n, b->d, b->n);
        return rc__int_finish(r, n, a->neg);
    }
    n = rc__mag_sub(r->d, b->d, b->n, a->d, a->n);
    return rc__int_finish(r, n, bneg);
}

static rc_object *mul(rc_runtime *rt, const rc__mag *a, const rc__mag *b) {
    if (a->n == 0 || b->n == 0)
        return rc_int_from_i64(rt, 0);
    rc__bint *r = rc__bint_new(rt, a->n + b->n);
    if (!r)
        return NULL;
    if (rc__mag_mul(rt, r->d, a->d, a->n, b->d, b->n) != 0) {
        rc_decref(&r->ob);
        return NULL;
    }
    return rc__int_finish(r, a->n + b->n, a->neg != b->neg);
}

/* Truncating |a| / |b| into q (room for a->n - b->n + 2 digits) and r
 * (room for b->n); b != 0. Sets the normalized lengths. */
static int divrem_mag(rc_runtime *rt, const rc__mag *a, const rc__mag *b,
                      rc__digit *q, size_t *nq, rc__digit *r, size_t *nr) {
    if (rc__mag_cmp(a->d, a->n, b->d, b->n) < 0) {
        memcpy(r, a->d, a->n * sizeof *r);
        *nq = 0;
        *nr = a->n;
        return 0;
    }
    if (b->n == 1) {
        r[0] = rc__mag_divrem1(q, a->d, a->n, b->d[0]);
        *nq = rc__mag_trim(q, a->n);
        *nr = rc__mag_trim(r, 1);
        return 0;
    }
    int st = rc__mag_divrem(rt, q, r, a->d, a->n, b->d, b->n);
    *nq = rc__mag_trim(q, a->n - b->n + 1);
    *nr = rc__mag_trim(r, b->n);
    return st;
}

/* Floor quotient and remainder (the remainder takes b's sign); either
 * output pointer may be NULL. 0 or a negative status. */
static int divmod_floor(rc_runtime *rt, const rc__mag *a, const rc__mag *b,
                        rc_object **q, rc_object **r) {
    if (b->n == 0) {
        zero_division(rt, q == NULL);
        return RC_EZERODIV;
    }
    size_t cq = a->n >= b->n ? a->n - b->n + 2 : 1, nq, nr;
    rc__bint *qb = rc__bint_new(rt, cq);
    rc__bint *rb = qb ? rc__bint_new(rt, b->n) : NULL;
    int st = rb ? divrem_mag(rt, a, b, qb->d, &nq, rb->d, &nr) : RC_ENOMEM;
    if (st) {
        if (qb)
            rc_decref(&qb->ob);
        if (rb)
            rc_decref(&rb->ob);
        return st;
    }
    bool qneg = a->neg != b->neg;
    if (qneg && nr) { /* round the quotient down, fold r into b's range */
        nq = rc__mag_add(qb->d, qb->d, nq, &ONE, 1);
        nr = rc__mag_sub(rb->d, b->d, b->n, rb->d, nr);
    }
    rc_object *qo = rc__int_finish(qb, nq, qneg);
    rc_object *ro = rc__int_finish(rb, nr, b->neg);
    if (q)
        *q = qo;
    else
        rc_decref(qo);
    if (r)
        *r = ro;
    else
        rc_decref(ro);
    return 0;
}

static rc_object *lshift_mag(rc_runtime *rt, const rc__mag *m, uint64_t k) {
    if (k / RC__DIGIT_BITS > ((size_t)1 << 57))
        return too_many_digits(rt);
    size_t kd = (size_t)(k / RC__DIGIT_BITS);
    rc__bint *r = rc__bint_new(rt, m->n + kd + 1);
    if (!r)
        return NULL;
    r->d[kd + m->n] =
        rc__mag_lshift(r->d + kd, m->d, m->n, (unsigned)(k % RC__DIGIT_BITS));
    return rc__int_finish(r, m->n + kd + 1, m->neg);
}

/* Floor of m / 2**k: for negative m, the truncated quotient rounded away
 * from zero when any 1 bit was shifted out. */
static rc_object *rshift_mag(rc_runtime *rt, const rc__mag *m, uint64_t k) {
    if (k / RC__DIGIT_BITS >= m->n)
        return rc_int_from_i64(rt, m->neg ? -1 : 0);
    size_t kd = (size_t)(k / RC__DIGIT_BITS), n = m->n - kd;
    rc__bint *r = rc__bint_new(rt, n + 1);
    if (!r)
        return NULL;
    bool lost = false;
    for (size_t i = 0; i < kd; i++)
        lost |= m->d[i] != 0;
    lost |=
        rc__mag_rshift(r->d, m->d + kd, n, (unsigned)(k % RC__DIGIT_BITS)) != 0;
    if (m->neg && lost)
        n = rc__mag_add(r->d, r->d, n, &ONE, 1);
    return rc__int_finish(r, n, m->neg);
}

/* Digit i of m's infinite two's-complement form. carry starts at 1 and is
 * threaded through the digits of a negative m (~|m| + 1). */
static rc__digit twos_digit(const rc__mag *m, size_t i, rc__twodigits *carry) {
    rc__digit d = i < m->n ? m->d[i] : 0;
    if (!m->neg)
        return d;
    *carry += (rc__digit)~d;
    d = (rc__digit)*carry;
    *carry >>= RC__DIGIT_BITS;
    return d;
}

static rc__digit bit_apply(rc_binop op, rc__digit x, rc__digit y) {
    return op == RC_OP_AND ? x & y : op == RC_OP_OR ? x | y : x ^ y;
}

/* One digit more than the longer operand holds the sign extension, so the
 * top bit of the result's top digit is its sign. */
static rc_object *bitop_mag(rc_runtime *rt, const rc__mag *a, const rc__mag *b,
                            rc_binop op) {
    size_t n = (a->n > b->n ? a->n : b->n) + 1;
    rc__bint *r = rc__bint_new(rt, n);
    if (!r)
        return NULL;
    rc__twodigits ca = 1, cb = 1, c = 1;
    for (size_t i = 0; i < n; i++)
        r->d[i] = bit_apply(op, twos_digit(a, i, &ca), twos_digit(b, i, &cb));
    bool neg = r->d[n - 1] >> (RC__DIGIT_BITS - 1);
    for (size_t i = 0; neg && i < n; i++) { /* back to a magnitude */
        c += (rc__digit)~r->d[i];
        r->d[i] = (rc__digit)c;
        c >>= RC__DIGIT_BITS;
    }
    return rc__int_finish(r, n, neg);
}

/* ====================================================================== */
/* Power                                                                    */
/* ====================================================================== */

static rc_object *mul_objects(rc_object *a, rc_object *b) {
    rc__mag ma, mb;
    rc__int_view(a, &ma);
    rc__int_view(b, &mb);
    return mul(rc__runtime_of(a), &ma, &mb);
}

/* x ** e in int64_t, if nothing overflows. */
static bool pow_compact(int64_t x, uint64_t e, int64_t *out) {
    int64_t r = 1;
    while (e) {
        if ((e & 1) && __builtin_mul_overflow(r, x, &r))
            return false;
        e >>= 1;
        if (e && __builtin_mul_overflow(x, x, &x))
            return false;
    }
    *out = r;
    return true;
}

/* a ** e by left-to-right binary exponentiation (e >= 1). */
static rc_object *pow_big(rc_object *a, uint64_t e) {
    rc_object *r = a;
    rc_incref(r);
    for (int bit = 62 - __builtin_clzll(e); bit >= 0; bit--) {
        rc_object *t = mul_objects(r, r);
        rc_decref(r);
        if (t && ((e >> bit) & 1)) {
            r = mul_objects(t, a);
            rc_decref(t);
        } else {
            r = t;
        }
        if (!r)
            return NULL;
    }
    return r;
}

/* 0, 1 and -1 raised to any non-negative power; NULL for other bases. */
static rc_object *pow_unit(rc_runtime *rt, const rc__mag *ma, bool odd,
                           bool *handled) {
    *handled = ma->n == 0 || (ma->n == 1 && ma->d[0] == 1);
    if (!*handled)
        return NULL;
    if (ma->n == 0)
        return rc_int_from_i64(rt, 0);
    return rc_int_from_i64(rt, ma->neg && odd ? -1 : 1);
}

static rc_object *int_pow(rc_object *a, rc_object *b) {
    rc_runtime *rt = rc__runtime_of(a);
    if (rc_int_sign(b) < 0) { /* a float, as Python's float(a) ** float(b) */
        double x, y;
        if (rc_int_to_double(a, &x) || rc_int_to_double(b, &y))
            return NULL;
        return rc__float_pow(rt, x, y);
    }
    rc__mag ma, mb;
    rc__int_view(a, &ma);
    rc__int_view(b, &mb);
    if (mb.n == 0) /* x ** 0 == 1, 0 ** 0 included */
        return rc_int_from_i64(rt, 1);
    bool handled;
    rc_object *u = pow_unit(rt, &ma, mb.n && (mb.d[0] & 1), &handled);
    if (handled || !rc__int_compact(b))
        return handled ? u : too_many_digits(rt);
    uint64_t e = (uint64_t)rc__int_cval(b);
    int64_t r;
    if (rc__int_compact(a) && pow_compact(rc__int_cval(a), e, &r))
        return rc_int_from_i64(rt, r);
    if (e > ((uint64_t)1 << 62) / rc__mag_bit_length(ma.d, ma.n))
        return too_many_digits(rt);
    return pow_big(a, e);
}

/* ====================================================================== */
/* The compact fast path                                                    */
/* ====================================================================== */

static int64_t floor_div(int64_t x, int64_t y, int64_t *rem) {
    int64_t q = x / y, r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) {
        q--;
        r += y;
    }
    *rem = r;
    return q;
}

static rc_object *compact_divmod(rc_runtime *rt, int64_t x, int64_t y,
                                 rc_binop op) {
    int64_t r, q = floor_div(x, y, &r);
    if (op == RC_OP_FLOORDIV)
        return rc_int_from_i64(rt, q);
    if (op == RC_OP_MOD)
        return rc_int_from_i64(rt, r);
    return pack2(rt, rc_int_from_i64(rt, q), rc_int_from_i64(rt, r));
}

static rc_object *compact_shift(rc_runtime *rt, int64_t x, int64_t k, bool left,
                                bool *handled) {
    *handled = true;
    if (k < 0)
        return negative_shift(rt);
    if (!left) {
        if (k >= 64)
            return rc_int_from_i64(rt, x < 0 ? -1 : 0);
        return rc_int_from_i64(rt, x < 0 ? ~(~x >> k) : x >> k);
    }
    if (x == 0)
        return rc_int_from_i64(rt, 0);
    uint64_t u = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
    if (k < 63 && (u >> (63 - k)) == 0)
        return rc_int_from_i64(rt, x * ((int64_t)1 << k));
    *handled = false;
    return NULL;
}

/* The result of x op y, or *handled false when the general path must do
 * it (overflow, true division, power). */
static rc_object *compact_binop(rc_runtime *rt, int64_t x, int64_t y,
                                rc_binop op, bool *handled) {
    int64_t r = 0;
    *handled = true;
    switch (op) {
    case RC_OP_ADD:
        *handled = !__builtin_add_overflow(x, y, &r);
        break;
    case RC_OP_SUB:
        *handled = !__builtin_sub_overflow(x, y, &r);
        break;
    case RC_OP_MUL:
        *handled = !__builtin_mul_overflow(x, y, &r);
        break;
    case RC_OP_FLOORDIV:
    case RC_OP_MOD:
    case RC_OP_DIVMOD:
        if (y == 0)
            return zero_division(rt, op == RC_OP_MOD);
        *handled = !(x == INT64_MIN && y == -1);
        return *handled ? compact_divmod(rt, x, y, op) : NULL;
    case RC_OP_LSHIFT:
    case RC_OP_RSHIFT:
        return compact_shift(rt, x, y, op == RC_OP_LSHIFT, handled);
    case RC_OP_AND:
        return rc_int_from_i64(rt, x & y);
    case RC_OP_OR:
        return rc_int_from_i64(rt, x | y);
    case RC_OP_XOR:
        return rc_int_from_i64(rt, x ^ y);
    default:
        *handled = false;
    }
    return *handled ? rc_int_from_i64(rt, r) : NULL;
}

/* ====================================================================== */
/* The slots                                                                */
/* ====================================================================== */

static rc_object *shift(rc_runtime *rt, const rc__mag *ma, rc_object *b,
                        bool left) {
    if (rc_int_sign(b) < 0)
        return negative_shift(rt);
    if (ma->n == 0)
        return rc_int_from_i64(rt, 0);
    if (!rc__int_compact(b))
        return left ? too_many_digits(rt)
                    : rc_int_from_i64(rt, ma->neg ? -1 : 0);
    uint64_t k = (uint64_t)rc__int_cval(b);
    return left ? lshift_mag(rt, ma, k) : rshift_mag(rt, ma, k);
}

static rc_object *divmod_op(rc_runtime *rt, const rc__mag *ma,
                            const rc__mag *mb, rc_binop op) {
    rc_object *q = NULL, *r = NULL;
    int st = divmod_floor(rt, ma, mb, op == RC_OP_MOD ? NULL : &q,
                          op == RC_OP_FLOORDIV ? NULL : &r);
    if (st)
        return NULL;
    return op == RC_OP_FLOORDIV ? q : op == RC_OP_MOD ? r : pack2(rt, q, r);
}

static rc_object *truediv(rc_object *a, rc_object *b) {
    double d;
    if (rc__int_truediv_double(a, b, &d, false) != 0)
        return NULL;
    return rc_float_from_double(rc__runtime_of(a), d);
}

static rc_object *general_binop(rc_object *a, rc_object *b, rc_binop op) {
    rc_runtime *rt = rc__runtime_of(a);
    rc__mag ma, mb;
    rc__int_view(a, &ma);
    rc__int_view(b, &mb);
    switch (op) {
    case RC_OP_ADD:
    case RC_OP_SUB:
        return addsub(rt, &ma, &mb, op == RC_OP_SUB);
    case RC_OP_MUL:
        return mul(rt, &ma, &mb);
    case RC_OP_TRUEDIV:
        return truediv(a, b);
    case RC_OP_FLOORDIV:
    case RC_OP_MOD:
    case RC_OP_DIVMOD:
        return divmod_op(rt, &ma, &mb, op);
    case RC_OP_POW:
        return int_pow(a, b);
    case RC_OP_LSHIFT:
    case RC_OP_RSHIFT:
        return shift(rt, &ma, b, op == RC_OP_LSHIFT);
    case RC_OP_AND:
    case RC_OP_OR:
    case RC_OP_XOR:
        return bitop_mag(rt, &ma, &mb, op);
    default: /* @ */
        return rc__notimpl_of(a);
    }
}

rc_object *rc__int_binop(rc_object *a, rc_object *b, rc_binop op) {
    if (!rc_is_int(a) || !rc_is_int(b))
        return rc__notimpl_of(a);
    rc_runtime *rt = rc__runtime_of(a);
    bool bitwise = op == RC_OP_AND || op == RC_OP_OR || op == RC_OP_XOR;
    if (bitwise && rc_is_bool(a) && rc_is_bool(b)) { /* True & False: bool */
        int64_t x = rc__int_cval(a), y = rc__int_cval(b);
        return rc_bool_from(rt, op == RC_OP_AND  ? x & y
                                : op == RC_OP_OR ? x | y
                                                 : x ^ y);
    }
    if (rc__int_compact(a) && rc__int_compact(b)) {
        bool handled;
        rc_object *r =
            compact_binop(rt, rc__int_cval(a), rc__int_cval(b), op, &handled);
        if (handled)
            return r;
    }
    return general_binop(a, b, op);
}

static rc_object *negate(rc_object *a) {
    rc__mag m;
    rc__int_view(a, &m);
    return rc__int_from_mag(rc__runtime_of(a), m.d, m.n, !m.neg && m.n);
}

/* ~a == -a - 1 */
static rc_object *invert(rc_object *a) {
    rc_runtime *rt = rc__runtime_of(a);
    if (rc__int_compact(a))
        return rc_int_from_i64(rt, ~rc__int_cval(a));
    rc__mag m, one;
    rc__int_view(a, &m);
    m.neg = !m.neg; /* big form: digits are the object's, safe to flip */
    rc__mag_of_u64(&one, 1, false);
    return addsub(rt, &m, &one, true);
}

rc_object *rc__int_unop(rc_object *a, rc_unop op) {
    rc_runtime *rt = rc__runtime_of(a);
    switch (op) {
    case RC_OP_NEG:
        if (rc__int_compact(a) && rc__int_cval(a) != INT64_MIN)
            return rc_int_from_i64(rt, -rc__int_cval(a));
        return negate(a);
    case RC_OP_POS:
        if (rc_is_bool(a))
            return rc_int_from_i64(rt, rc__int_cval(a));
        rc_incref(a);
        return a;
    case RC_OP_ABS:
        if (rc_int_sign(a) < 0)
            return rc__int_unop(a, RC_OP_NEG);
        return rc__int_unop(a, RC_OP_POS);
    default:
        return invert(a);
    }
}
