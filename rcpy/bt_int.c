/*
 * bt_int.c — the classes int and bool: int(x), int(text, base), bool(x),
 * and int's methods (bit_length, as_integer_ratio, __round__ ...) and
 * attributes (real, imag, numerator, denominator).
 *
 * The values are rcgc's ints (arbitrary precision, [-5, 256] cached) and
 * its two bools; arithmetic comes from the library's protocol slots, which
 * the object model wraps as int.__add__ and the others. Invariant: every
 * method returns a plain int for a bool receiver where CPython does
 * (True.real is 1, not True).
 */
#include "btypes.h"

#include <math.h>
#include <string.h>

/* A plain int with the value of i (an int or bool): new reference. */
static rc_object *plain_int(rp_interp *ip, rc_object *i) {
    if (!rc_is_bool(i))
        return rp_new_ref(i);
    return rc_int_from_i64(ip->rt, i == ip->true_ ? 1 : 0);
}

/* ====================================================================== */
/* int(x), int(text, base)                                                */
/* ====================================================================== */

/* The result of x.__int__() / __index__() / __trunc__(): an int. */
static rc_object *checked_int_result(rp_interp *ip, rc_object *r,
                                     const char *dunder) {
    if (!r)
        return NULL;
    rc_object *v = bt_value(r);
    if (rc_is_int(v)) {
        rc_object *out = plain_int(ip, v);
        rc_decref(r);
        return out;
    }
    rp_raise(ip, ip->exc.TypeError, "%s returned non-int (type %s)", dunder,
             rp_tname(r));
    rc_decref(r);
    return NULL;
}

/* x through the first of __int__, __index__, __trunc__ its class has;
 * NULL without an error when it has none. */
static rc_object *int_from_dunders(rp_interp *ip, rc_object *x) {
    static const char *const names[] = {"__int__", "__index__", "__trunc__"};
    for (size_t i = 0; i < 3; i++) {
        rc_object *name = rc_str_intern(ip->rt, names[i]);
        if (!name)
            return NULL;
        bool found = false;
        rc_object *r = rp_call_special(ip, x, name, NULL, 0, &found);
        rc_decref(name);
        if (!found)
            continue;
        if (i < 2)
            return checked_int_result(ip, r, names[i]);
        if (!r)
            return NULL;
        if (rc_is_int(bt_value(r)))
            return checked_int_result(ip, r, names[i]);
        rc_object *out = int_from_dunders(ip, r); /* __trunc__ → __index__ */
        if (!out && !rp_err_occurred(ip))
            rp_raise(ip, ip->exc.TypeError,
                     "__trunc__ returned non-Integral (type %s)", rp_tname(r));
        rc_decref(r);
        return out;
    }
    return NULL;
}

rc_object *bt_number_from_text(rp_interp *ip, rc_object *text, int base) {
    rc_object *ascii = bt_str_ascii_digits(ip, text);
    if (!ascii)
        return NULL;
    const char *s = rc_str_utf8(ascii);
    rc_object *r = base < 0 ? rc_float_from_string(ip->rt, s)
                            : rc_int_from_string(ip->rt, s, base);
    if (!r && rp_err_matches(ip, ip->exc.ValueError)) {
        rp_err_clear(ip); /* the message quotes the text as given */
        rc_object *q = rc_repr(text);
        if (q && base >= 0) { /* CPython's %.200R: 200 characters */
            rc_object *cut = rc_str_slice(q, 0, 200, 1);
            rc_decref(q);
            q = cut;
        }
        if (q && base < 0)
            rp_raise(ip, ip->exc.ValueError,
                     "could not convert string to float: %s", rc_str_utf8(q));
        else if (q)
            rp_raise(ip, ip->exc.ValueError,
                     "invalid literal for int() with base %d: %s", base,
                     rc_str_utf8(q));
        rc_xdecref(q);
    }
    rc_decref(ascii);
    return r;
}

rc_object *bt_int_from(rp_interp *ip, rc_object *x) {
    rc_object *v = bt_value(x);
    if (rc_is_int(v) && v == x)
        return plain_int(ip, v);
    if (rc_is_float(v) && v == x)
        return rc_int_from_double(ip->rt, rc_float_value(v));
    rc_object *r = int_from_dunders(ip, x);
    if (r || rp_err_occurred(ip))
        return r;
    if (rc_is_str(v))
        return bt_number_from_text(ip, v, 10);
    if (rc_is_int(v))
        return plain_int(ip, v);
    if (rc_is_float(v))
        return rc_int_from_double(ip->rt, rc_float_value(v));
    rp_raise(ip, ip->exc.TypeError,
             "int() argument must be a string, a bytes-like object or a real "
             "number, not '%s'",
             rp_tname(x));
    return NULL;
}

static rc_object *int_with_base(rp_interp *ip, rc_object *x, rc_object *b) {
    rc_object *bi = bt_int_arg(ip, b);
    int64_t base = 0;
    if (!bi)
        return NULL;
    if (rc_int_to_i64(bi, &base) < 0) { /* huge: out of range below */
        rp_err_clear(ip);
        base = -1;
    }
    rc_decref(bi);
    if (base != 0 && (base < 2 || base > 36)) {
        rp_raise(ip, ip->exc.ValueError,
                 "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    if (!x) {
        rp_raise(ip, ip->exc.TypeError, "int() missing string argument");
        return NULL;
    }
    if (!rc_is_str(bt_value(x))) {
        rp_raise(ip, ip->exc.TypeError,
                 "int() can't convert non-string with explicit base");
        return NULL;
    }
    return bt_number_from_text(ip, bt_value(x), (int)base);
}

static rc_object *int_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                          size_t nargs, rc_object *kwnames) {
    static const char *const names[] = {"x", "base", NULL};
    static const rp_argspec spec = {"int", names, 0, 2, 1};
    rc_object *a[2];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[1])
        return int_with_base(ip, a[0], a[1]);
    if (!a[0])
        return rc_int_from_i64(ip->rt, 0);
    return bt_int_from(ip, a[0]);
}

static rc_object *bool_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                           size_t nargs, rc_object *kwnames) {
    if (rp_check_args(ip, "bool", nargs, kwnames, 0, 1) < 0)
        return NULL;
    int t = nargs ? rp_truth(ip, args[0]) : 0;
    return t < 0 ? NULL : rp_new_ref(rp_bool(ip, t));
}

/* ====================================================================== */
/* Methods                                                                */
/* ====================================================================== */

BT_CFUNC(int_self) { /* __int__, __index__, __trunc__, __floor__ ... */
    if (rp_check_args(ip, "__int__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return plain_int(ip, self);
}

BT_CFUNC(int_float) {
    if (rp_check_args(ip, "__float__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    double d;
    if (rc_int_to_double(self, &d) < 0)
        return NULL;
    return rc_float_from_double(ip->rt, d);
}

BT_CFUNC(int_bit_length) {
    if (rp_check_args(ip, "bit_length", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_int_from_u64(ip->rt, rc_int_bit_length(self));
}

BT_CFUNC(int_bit_count) {
    if (rp_check_args(ip, "bit_count", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *digits = rc_int_format(self, 2);
    if (!digits)
        return NULL;
    uint64_t n = 0;
    for (const char *p = rc_str_utf8(digits); *p; p++)
        n += *p == '1';
    rc_decref(digits);
    return rc_int_from_u64(ip->rt, n);
}

BT_CFUNC(int_as_integer_ratio) {
    if (rp_check_args(ip, "as_integer_ratio", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *n = plain_int(ip, self);
    rc_object *one = rc_int_from_i64(ip->rt, 1);
    rc_object *t = rc_tuple_pack(ip->rt, 2, n, one);
    rc_decref(n);
    rc_decref(one);
    return t;
}

/* 2r against p (p = 10**k, even) decides: up when more than half, or
 * exactly half and q odd; sticky (a nonzero fraction below r) makes an
 * exact half more than half. */
static int rounds_up(rp_interp *ip, rc_object *q, rc_object *r, rc_object *p,
                     bool sticky) {
    rc_object *r2 = rc_number_add(r, r);
    if (!r2)
        return -1;
    int c = rc_compare(r2, p, sticky ? RC_GE : RC_GT);
    int eq = c == 0 && !sticky ? rc_compare(r2, p, RC_EQ) : 0;
    rc_decref(r2);
    if (c != 0 || eq <= 0)
        return c != 0 ? c : eq;
    rc_object *two = rc_int_from_i64(ip->rt, 2);
    rc_object *odd = rc_number_remainder(q, two);
    rc_decref(two);
    if (!odd)
        return -1;
    int up = rc_int_sign(odd) != 0;
    rc_decref(odd);
    return up;
}

rc_object *bt_int_round_to(rp_interp *ip, rc_object *i, ptrdiff_t k,
                           bool sticky) {
    rc_object *ten = rc_int_from_i64(ip->rt, 10);
    rc_object *e = rc_int_from_i64(ip->rt, (int64_t)k);
    rc_object *p = rc_number_power(ten, e);
    rc_object *qr = p ? rc_number_divmod(i, p) : NULL;
    rc_object *out = NULL;
    int up =
        qr ? rounds_up(ip, rc_tuple_get(qr, 0), rc_tuple_get(qr, 1), p, sticky)
           : -1;
    if (up >= 0) {
        rc_object *q = rc_tuple_get(qr, 0), *one = rc_int_from_i64(ip->rt, 1);
        rc_object *q2 = up ? rc_number_add(q, one) : rp_new_ref(q);
        out = q2 ? rc_number_multiply(q2, p) : NULL;
        rc_xdecref(q2);
        rc_decref(one);
    }
    rc_xdecref(qr);
    rc_xdecref(p);
    rc_decref(e);
    rc_decref(ten);
    return out;
}

rc_object *bt_int_round(rp_interp *ip, rc_object *i, rc_object *nd) {
    ptrdiff_t n;
    if (!nd || nd == ip->none)
        return plain_int(ip, i);
    if (bt_index(ip, nd, &n) < 0)
        return NULL;
    if (n >= 0 || rc_int_sign(i) == 0)
        return plain_int(ip, i);
    return bt_int_round_to(ip, i, -n, false);
}

BT_CFUNC(int_round) {
    if (rp_check_args(ip, "__round__", nargs, kwnames, 0, 1) < 0)
        return NULL;
    return bt_int_round(ip, self, nargs ? args[0] : NULL);
}

/* (a * b) % m with a new reference, through the library's big ints. */
static rc_object *mulmod(rc_object *a, rc_object *b, rc_object *m) {
    rc_object *p = rc_number_multiply(a, b);
    rc_object *r = p ? rc_number_remainder(p, m) : NULL;
    rc_xdecref(p);
    return r;
}

/* The inverse of a modulo m (m > 0), by the extended Euclidean algorithm:
 * new reference, or NULL with ValueError when gcd(a, m) != 1. */
static rc_object *mod_inverse(rp_interp *ip, rc_object *a, rc_object *m) {
    rc_object *r0 = rc_number_remainder(a, m), *r1 = rp_new_ref(m);
    rc_object *s0 = rc_int_from_i64(ip->rt, 1),
              *s1 = rc_int_from_i64(ip->rt, 0);
    while (r0 && s0 && rc_int_sign(r1) != 0) {
        rc_object *qr = rc_number_divmod(r0, r1);
        rc_object *qs = qr ? rc_number_multiply(rc_tuple_get(qr, 0), s1) : NULL;
        rc_object *s2 = qs ? rc_number_subtract(s0, qs) : NULL;
        rc_object *r2 = qr ? rp_new_ref(rc_tuple_get(qr, 1)) : NULL;
        rc_xdecref(qs);
        rc_xdecref(qr);
        rc_decref(r0);
        rc_decref(s0);
        r0 = r1, s0 = s1, r1 = r2, s1 = s2;
        if (!r1 || !s1)
            break;
    }
    rc_object *inv = NULL;
    rc_object *one = rc_int_from_i64(ip->rt, 1);
    if (r0 && s0 && r1 && s1) {
        if (rc_compare(r0, one, RC_EQ) > 0)
            inv = rc_number_remainder(s0, m);
        else if (!rp_err_occurred(ip))
            rp_raise(ip, ip->exc.ValueError,
                     "base is not invertible for the given modulus");
    }
    rc_decref(one);
    rc_xdecref(r0), rc_xdecref(r1), rc_xdecref(s0), rc_xdecref(s1);
    return inv;
}

/* pow(b, e, m) for ints: square and multiply; a negative exponent uses
 * the inverse of b; the result takes m's sign as % does. */
rc_object *bt_int_pow_mod(rp_interp *ip, rc_object *b, rc_object *e,
                          rc_object *m) {
    if (rc_int_sign(m) == 0) {
        rp_raise(ip, ip->exc.ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    bool neg_m = rc_int_sign(m) < 0;
    rc_object *am = neg_m ? rc_number_negative(m) : rp_new_ref(m);
    rc_object *base = NULL, *exp = NULL;
    if (am && rc_int_sign(e) < 0) {
        base = mod_inverse(ip, b, am);
        exp = base ? rc_number_negative(e) : NULL;
    } else if (am) {
        base = rc_number_remainder(b, am);
        exp = rp_new_ref(e);
    }
    rc_object *result = base && exp ? rc_int_from_i64(ip->rt, 1) : NULL;
    rc_object *digits = result ? rc_int_format(exp, 2) : NULL;
    if (digits && result) {
        rc_object *r1 = rc_number_remainder(result, am); /* pow(x, 0, 1) */
        rc_decref(result);
        result = r1;
    }
    for (const char *p = digits ? rc_str_utf8(digits) : ""; result && *p; p++) {
        rc_object *sq = mulmod(result, result, am);
        rc_decref(result);
        result = sq;
        if (result && *p == '1') {
            rc_object *t = mulmod(result, base, am);
            rc_decref(result);
            result = t;
        }
    }
    if (result && neg_m && rc_int_sign(result) != 0) { /* into (m, 0] */
        rc_object *t = rc_number_add(result, m);
        rc_decref(result);
        result = t;
    }
    rc_xdecref(digits), rc_xdecref(base), rc_xdecref(exp), rc_xdecref(am);
    return result;
}

BT_CFUNC(int_getnewargs) {
    if (rp_check_args(ip, "__getnewargs__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *n = plain_int(ip, self);
    rc_object *t = rc_tuple_pack(ip->rt, 1, n);
    rc_decref(n);
    return t;
}

static const rp_methoddef int_methods[] = {
    {"__int__", int_self, 0, "int(self)"},
    {"__index__", int_self, 0,
     "Return self converted to an integer, if self "
     "is suitable for use as an index into a list."},
    {"__trunc__", int_self, 0, "Truncating an Integral returns itself."},
    {"__floor__", int_self, 0, "Flooring an Integral returns itself."},
    {"__ceil__", int_self, 0, "Ceiling of an Integral returns itself."},
    {"__float__", int_float, 0, "float(self)"},
    {"__round__", int_round, 0, "Rounding an Integral returns itself."},
    {"__getnewargs__", int_getnewargs, 0, NULL},
    {"conjugate", int_self, 0,
     "Returns self, the complex conjugate of any "
     "int."},
    {"bit_length", int_bit_length, 0,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, 0,
     "Number of ones in the binary representation of the absolute value of "
     "self."},
    {"as_integer_ratio", int_as_integer_ratio, 0, "Return integer ratio."},
    {NULL},
};

/* ====================================================================== */
/* Attributes                                                             */
/* ====================================================================== */

static rc_object *int_get_self(rp_interp *ip, rc_object *self) {
    return plain_int(ip, self);
}

static rc_object *int_get_zero(rp_interp *ip, rc_object *self) {
    return rc_int_from_i64(ip->rt, 0);
}

static rc_object *int_get_one(rp_interp *ip, rc_object *self) {
    return rc_int_from_i64(ip->rt, 1);
}

static const rp_getsetdef int_getsets[] = {
    {"real", int_get_self, NULL, "the real part of a complex number"},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number"},
    {"numerator", int_get_self, NULL,
     "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, NULL,
     "the denominator of a rational number in lowest terms"},
    {NULL},
};

/* ====================================================================== */
/* Start-up                                                               */
/* ====================================================================== */

int rp_bt_init_int(rp_interp *ip) {
    rc_object *zero = rc_int_from_i64(ip->rt, 0);
    if (!zero)
        return -1;
    const rc_type *int_type = zero->type;
    rc_decref(zero);
    ip->cls.int_ = rp_class_new_builtin(ip, "int", int_type, NULL, int_methods,
                                        int_new, RP_CLS_BASETYPE);
    if (!ip->cls.int_ ||
        rp_class_add_getsets(ip, ip->cls.int_, int_getsets) < 0)
        return -1;
    ip->cls.bool_ = rp_class_new_builtin(ip, "bool", ip->true_->type,
                                         ip->cls.int_, NULL, bool_new, 0);
    return ip->cls.bool_ ? 0 : -1;
}
