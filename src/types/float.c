/*
 * float.c — the float object: an IEEE double with Python's operators,
 * comparison (exact against ints of any size), hashing consistent with int
 * (CPython's _Py_HashDouble scheme) and CPython's free list. Text (repr,
 * float(text)) is in floatstr.c.
 *
 * Free list: a float whose count reaches zero is kept, not freed, while the
 * runtime's list holds fewer than RC__FLOAT_FREELIST_MAX: its dealloc links
 * it through the value field and sets RC__F_KEEP, so the library leaves
 * the block alone. rc_float_from_double takes the most recently kept block
 * first (rc__revive makes it an object again). rc__num_clear_freelists,
 * run by full collections and at teardown, returns every kept block with
 * rc__obj_free. Kept blocks have count 0 and are never tracked (float is
 * not a GC type), so nothing else ever sees them.
 *
 * Arithmetic follows CPython's float methods: int operands are converted
 * with rc_int_to_double (OverflowError when too large), floor division
 * and modulo take the divisor's sign, ** follows C99's pow() special cases
 * with Python's errors. One deliberate difference: a negative base to a
 * non-integer power gives a complex in Python 3; rcgc has no complex and
 * reports RC_EVALUE "negative number cannot be raised to a fractional
 * power" (Python 2's message), or RC_EOVERFLOW "complex exponentiation"
 * where Python's complex result would overflow.
 */
#include "num.h"

#include <math.h>

static rc__num_state *num_state(rc_runtime *rt) {
    return &rt->types->num;
}

/* ====================================================================== */
/* Object and free list                                                     */
/* ====================================================================== */

static void float_dealloc(rc_object *o) {
    rc__num_state *st = num_state(rc__runtime_of(o));
    if (st->float_nfree >= RC__FLOAT_FREELIST_MAX)
        return;
    ((rc__float *)o)->u.next = (rc__float *)st->float_free;
    st->float_free = o;
    st->float_nfree++;
    o->flags |= RC__F_KEEP;
}

rc_object *rc_float_from_double(rc_runtime *rt, double v) {
    rc__num_state *st = num_state(rt);
    rc__float *f = (rc__float *)st->float_free;
    if (f) {
        st->float_free = (rc_object *)f->u.next;
        st->float_nfree--;
        rc__revive(&f->ob);
    } else {
        f = (rc__float *)rc_new(rt, &rc__float_type);
        if (!f)
            return NULL;
    }
    f->u.v = v;
    return &f->ob;
}

void rc__num_clear_freelists(rc_runtime *rt) {
    rc__num_state *st = num_state(rt);
    while (st->float_free) {
        rc__float *f = (rc__float *)st->float_free;
        st->float_free = (rc_object *)f->u.next;
        rc__obj_free(rt, &f->ob);
    }
    st->float_nfree = 0;
}

bool rc_is_float(const rc_object *o) {
    return rc__num_is_float(o);
}

double rc_float_value(const rc_object *o) {
    return rc__float_val(o);
}

int rc_number_as_double(const rc_object *o, double *out) {
    if (rc__num_is_float(o)) {
        *out = rc__float_val(o);
        return 0;
    }
    if (rc_is_int(o))
        return rc_int_to_double(o, out);
    return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                        "must be real number, not %s", rc_type_name(o));
}

/* ====================================================================== */
/* Hash                                                                     */
/* ====================================================================== */

/* x * 2**e mod (2**61 - 1) for x below the modulus: a rotation by e mod
 * 61, since 2**61 is 1 modulo it. */
static uint64_t hash_rotate(uint64_t x, int e) {
    e = e >= 0 ? e % RC__HASH_BITS
               : RC__HASH_BITS - 1 - ((-1 - e) % RC__HASH_BITS);
    return ((x << e) & RC__HASH_MODULUS) | (x >> (RC__HASH_BITS - e));
}

/* The value modulo 2**61 - 1, as for an int of that value: the mantissa
 * is consumed 28 bits at a time, then the exponent rotates the result. */
static int float_hash(rc_object *o, int64_t *out) {
    double v = rc__float_val(o);
    if (!isfinite(v)) {
        *out = isnan(v) ? rc_hash_identity(o)
               : v > 0  ? RC__HASH_INF
                        : -RC__HASH_INF;
        return 0;
    }
    int e;
    double m = frexp(fabs(v), &e);
    uint64_t x = 0;
    while (m != 0.0) {
        x = hash_rotate(x, 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= RC__HASH_MODULUS)
            x -= RC__HASH_MODULUS;
    }
    x = hash_rotate(x, e);
    int64_t h = v < 0 ? -(int64_t)x : (int64_t)x;
    *out = h == -1 ? -2 : h;
    return 0;
}

/* ====================================================================== */
/* Comparison                                                               */
/* ====================================================================== */

/* Sign of f - i for a float f and an int i; 2 when f is nan. */
static int cmp_float_int(double f, const rc_object *i) {
    if (isnan(f))
        return 2;
    if (isinf(f))
        return f > 0 ? 1 : -1;
    return -rc__int_cmp_double(i, f);
}

/* Sign of a - b for a float a and a float or int b; 2 when unordered. */
static int cmp3(const rc_object *a, const rc_object *b) {
    double x = rc__float_val(a);
    if (!rc__num_is_float(b))
        return cmp_float_int(x, b);
    double y = rc__float_val(b);
    return isnan(x) || isnan(y) ? 2 : (x > y) - (x < y);
}

/* The truth of a comparison whose three-way result is c (2: unordered,
 * where only != holds). */
static int cmp_truth(int c, rc_cmp op) {
    return c == 2 ? op == RC_NE : rc__cmp_result(c, op);
}

int rc__float_compare(const rc_object *a, const rc_object *b, rc_cmp op) {
    return cmp_truth(cmp3(a, b), op);
}

/* self <op> other for a float self and a float or int other. */
static rc_object *float_richcompare(rc_object *self, rc_object *other,
                                    rc_cmp op) {
    if (!rc__num_is_float(other) && !rc_is_int(other))
        return rc__notimpl_of(self);
    return rc__bool(rc__runtime_of(self), cmp_truth(cmp3(self, other), op));
}

/* ====================================================================== */
/* Arithmetic                                                               */
/* ====================================================================== */

static rc_object *fail(rc_runtime *rt, rc_status st, const char *msg) {
    rc_set_error(rt, st, "%s", msg);
    return NULL;
}

static rc_object *make(rc_runtime *rt, double v) {
    return rc_float_from_double(rt, v);
}

/* Python's float modulo: the remainder has the divisor's sign. */
static double float_mod(double x, double y) {
    double m = fmod(x, y);
    if (m != 0.0)
        return (y < 0) != (m < 0) ? m + y : m;
    return copysign(0.0, y);
}

/* Python's float divmod: the quotient is rounded to the integer nearest
 * (x - mod) / y, which is exact up to rounding error. */
static double float_floordiv(double x, double y) {
    double m = fmod(x, y), div = (x - m) / y;
    if (m != 0.0 && (y < 0) != (m < 0))
        div -= 1.0;
    if (div == 0.0)
        return copysign(0.0, x / y);
    double fl = floor(div);
    return div - fl > 0.5 ? fl + 1.0 : fl;
}

static bool is_odd_integer(double x) {
    return fmod(fabs(x), 2.0) == 1.0;
}

/* The special cases of C99 pow() as Python applies them, for an infinite
 * or zero operand; false when none applies. */
static bool pow_special(double x, double y, double *r) {
    if (isinf(y)) {
        double ax = fabs(x);
        *r = ax == 1.0 ? 1.0 : (y > 0) == (ax > 1.0) ? fabs(y) : 0.0;
        return true;
    }
    if (isinf(x)) {
        bool odd = is_odd_integer(y);
        if (y > 0)
            *r = odd ? x : fabs(x);
        else
            *r = odd ? copysign(0.0, x) : 0.0;
        return true;
    }
    return false;
}

rc_object *rc__float_pow(rc_runtime *rt, double x, double y) {
    double r;
    if (y == 0.0)
        return make(rt, 1.0);
    if (isnan(x))
        return make(rt, x);
    if (isnan(y))
        return make(rt, x == 1.0 ? 1.0 : y);
    if (pow_special(x, y, &r))
        return make(rt, r);
    if (x == 0.0) {
        if (y < 0)
            return fail(rt, RC_EZERODIV,
                        "0.0 cannot be raised to a negative power");
        return make(rt, is_odd_integer(y) ? x : 0.0);
    }
    bool negate = false;
    if (x < 0) {
        if (y != floor(y) && isinf(pow(-x, y))) /* as Python's complex */
            return fail(rt, RC_EOVERFLOW, "complex exponentiation");
        if (y != floor(y))
            return fail(rt, RC_EVALUE,
                        "negative number cannot be raised "
                        "to a fractional power");
        x = -x;
        negate = is_odd_integer(y);
    }
    r = x == 1.0 ? 1.0 : pow(x, y);
    if (isinf(r))
        return fail(rt, RC_EOVERFLOW, "(34, 'Numerical result out of range')");
    return make(rt, negate ? -r : r);
}

static rc_object *divmod_or_zero(rc_runtime *rt, double x, double y,
                                 rc_binop op) {
    static const char *const msgs[] = {
        [RC_OP_TRUEDIV] = "float division by zero",
        [RC_OP_FLOORDIV] = "float floor division by zero",
        [RC_OP_MOD] = "float modulo",
        [RC_OP_DIVMOD] = "float divmod()",
    };
    if (y == 0.0)
        return fail(rt, RC_EZERODIV, msgs[op]);
    if (op == RC_OP_TRUEDIV)
        return make(rt, x / y);
    if (op == RC_OP_FLOORDIV)
        return make(rt, float_floordiv(x, y));
    if (op == RC_OP_MOD)
        return make(rt, float_mod(x, y));
    rc_object *q = make(rt, float_floordiv(x, y));
    rc_object *m = q ? make(rt, float_mod(x, y)) : NULL;
    rc_object *t = m ? rc_tuple_pack(rt, 2, q, m) : NULL;
    rc_xdecref(q);
    rc_xdecref(m);
    return t;
}

static bool is_number(const rc_object *o) {
    return rc__num_is_float(o) || rc_is_int(o);
}

static rc_object *float_binop(rc_object *a, rc_object *b, rc_binop op) {
    if (!is_number(a) || !is_number(b) || op >= RC_OP_LSHIFT ||
        op == RC_OP_MATMUL)
        return rc__notimpl_of(rc__num_is_float(a) ? a : b);
    rc_runtime *rt = rc__runtime_of(a);
    double x, y;
    if (rc_number_as_double(a, &x) || rc_number_as_double(b, &y))
        return NULL;
    switch (op) {
    case RC_OP_ADD:
        return make(rt, x + y);
    case RC_OP_SUB:
        return make(rt, x - y);
    case RC_OP_MUL:
        return make(rt, x * y);
    case RC_OP_POW:
        return rc__float_pow(rt, x, y);
    default:
        return divmod_or_zero(rt, x, y, op);
    }
}

static rc_object *float_unop(rc_object *a, rc_unop op) {
    rc_runtime *rt = rc__runtime_of(a);
    double v = rc__float_val(a);
    switch (op) {
    case RC_OP_NEG:
        return make(rt, -v);
    case RC_OP_POS:
        rc_incref(a);
        return a;
    case RC_OP_ABS:
        return make(rt, fabs(v));
    default:
        rc_set_error(rt, RC_ETYPE, "bad operand type for unary ~: 'float'");
        return NULL;
    }
}

static int float_truth(rc_object *o) {
    return rc__float_val(o) != 0.0;
}

static const rc_protocol float_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = rc__float_repr,
    .format = rc__format_slot,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .truth = float_truth,
    .binop = float_binop,
    .unop = float_unop,
};

const rc_type rc__float_type = {
    .name = "float",
    .basicsize = sizeof(rc__float),
    .flags = RC__TYPE_LEAF,
    .dealloc = float_dealloc,
    .protocol = &float_protocol,
};
