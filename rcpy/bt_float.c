/*
 * bt_float.c — the class float: float(x) (text, ints, __float__,
 * __index__), and its methods: is_integer, as_integer_ratio, hex,
 * fromhex, conjugate, __round__ (round-half-even on the exact binary
 * value, as CPython's dtoa does), __trunc__/__floor__/__ceil__, and the
 * attributes real and imag.
 *
 * Values are rcgc's floats (IEEE doubles, shortest round-tripping repr);
 * the operators are the library's slots wrapped by the object model.
 */
#include "btypes.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static double fval(rc_object *self) {
    return rc_float_value(self);
}

/* ====================================================================== */
/* float(x)                                                               */
/* ====================================================================== */

/* x.__float__(), which must give a float. */
static rc_object *float_from_dunder(rp_interp *ip, rc_object *x, bool *found) {
    rc_object *r = rp_call_special(ip, x, ip->s.float_, NULL, 0, found);
    if (!*found || !r)
        return r;
    rc_object *v = bt_value(r);
    if (rc_is_float(v)) {
        rc_object *out = rc_float_from_double(ip->rt, rc_float_value(v));
        rc_decref(r);
        return out;
    }
    rp_raise(ip, ip->exc.TypeError, "%s.__float__ returned non-float (type %s)",
             rp_tname(x), rp_tname(r));
    rc_decref(r);
    return NULL;
}

rc_object *bt_float_from(rp_interp *ip, rc_object *x) {
    rc_object *v = bt_value(x);
    if (rc_is_float(x))
        return rp_new_ref(x);
    bool found = false;
    rc_object *r = v == x ? NULL : float_from_dunder(ip, x, &found);
    if (found || r)
        return r;
    if (rc_is_float(v))
        return rc_float_from_double(ip->rt, rc_float_value(v));
    if (rc_is_str(v))
        return bt_number_from_text(ip, v, -1);
    if (rc_is_int(v)) {
        double d;
        return rc_int_to_double(v, &d) < 0 ? NULL
                                           : rc_float_from_double(ip->rt, d);
    }
    r = float_from_dunder(ip, x, &found);
    if (found)
        return r;
    if (rp_class_lookup(rp_type_of(x), ip->s.index)) {
        ptrdiff_t i;
        return bt_index(ip, x, &i) < 0
                   ? NULL
                   : rc_float_from_double(ip->rt, (double)i);
    }
    rp_raise(ip, ip->exc.TypeError,
             "float() argument must be a string or a real number, not '%s'",
             rp_tname(x));
    return NULL;
}

static rc_object *float_new(rp_interp *ip, rp_class *cls,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    if (rp_check_args(ip, "float", nargs, NULL, 0, 1) < 0)
        return NULL;
    if (!nargs)
        return rc_float_from_double(ip->rt, 0.0);
    return bt_float_from(ip, args[0]);
}

/* ====================================================================== */
/* Conversions to int                                                     */
/* ====================================================================== */

BT_CFUNC(float_trunc) {
    if (rp_check_args(ip, "__trunc__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_int_from_double(ip->rt, fval(self));
}

BT_CFUNC(float_floor) {
    if (rp_check_args(ip, "__floor__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_int_from_double(ip->rt, floor(fval(self)));
}

BT_CFUNC(float_ceil) {
    if (rp_check_args(ip, "__ceil__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_int_from_double(ip->rt, ceil(fval(self)));
}

BT_CFUNC(float_self) { /* __float__, conjugate */
    if (rp_check_args(ip, "conjugate", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rp_new_ref(self);
}

BT_CFUNC(float_is_integer) {
    if (rp_check_args(ip, "is_integer", nargs, kwnames, 0, 0) < 0)
        return NULL;
    double x = fval(self);
    return rp_new_ref(rp_bool(ip, isfinite(x) && floor(x) == x));
}

/* x = n / d exactly (x finite): a new (n, d) tuple. */
static rc_object *exact_ratio(rp_interp *ip, double x) {
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    rc_object *n = rc_int_from_double(ip->rt, m);
    rc_object *d = rc_int_from_i64(ip->rt, 1);
    rc_object *sh = rc_int_from_i64(ip->rt, e < 0 ? -e : e);
    rc_object *t = NULL;
    if (n && d && sh) {
        rc_object **which = e < 0 ? &d : &n;
        rc_object *shifted = rc_number_lshift(*which, sh);
        rc_decref(*which);
        *which = shifted;
        if (shifted)
            t = rc_tuple_pack(ip->rt, 2, n, d);
    }
    rc_xdecref(n);
    rc_xdecref(d);
    rc_xdecref(sh);
    return t;
}

BT_CFUNC(float_as_integer_ratio) {
    if (rp_check_args(ip, "as_integer_ratio", nargs, kwnames, 0, 0) < 0)
        return NULL;
    double x = fval(self);
    if (isinf(x)) {
        rp_raise(ip, ip->exc.OverflowError,
                 "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        rp_raise(ip, ip->exc.ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    return exact_ratio(ip, x);
}

/* ====================================================================== */
/* round()                                                                */
/* ====================================================================== */

/* Rounds x to a multiple of 10**k (k > 0), half to even, through exact
 * integers: the fraction of |x| below 1 only breaks ties. */
static rc_object *round_left(rp_interp *ip, double x, ptrdiff_t k) {
    double ax = fabs(x), fl = floor(ax);
    rc_object *i = rc_int_from_double(ip->rt, fl);
    rc_object *r = i ? bt_int_round_to(ip, i, k, ax != fl) : NULL;
    rc_xdecref(i);
    if (!r)
        return NULL;
    double d;
    int st = rc_int_to_double(r, &d);
    rc_decref(r);
    if (st < 0 || isinf(d)) {
        rp_err_clear(ip);
        rp_raise(ip, ip->exc.OverflowError,
                 "rounded value too large to represent");
        return NULL;
    }
    return rc_float_from_double(ip->rt, copysign(d, x));
}

rc_object *bt_float_round(rp_interp *ip, double x, rc_object *ndigits) {
    if (!ndigits || ndigits == ip->none) {
        double r = nearbyint(x); /* the default mode: half to even */
        return rc_int_from_double(ip->rt, r);
    }
    ptrdiff_t nd;
    if (bt_index(ip, ndigits, &nd) < 0)
        return NULL;
    if (!isfinite(x) || x == 0.0 || nd > 323)
        return rc_float_from_double(ip->rt, x);
    if (nd < -308)
        return rc_float_from_double(ip->rt, 0.0 * x);
    if (nd < 0)
        return round_left(ip, x, -nd);
    char small[64], *buf = small;
    size_t cap = sizeof small;
    int n = snprintf(buf, cap, "%.*f", (int)nd, x);
    if (n >= (int)cap) {
        cap = (size_t)n + 1;
        if (!(buf = malloc(cap)))
            return NULL;
        snprintf(buf, cap, "%.*f", (int)nd, x);
    }
    double r = strtod(buf, NULL);
    if (buf != small)
        free(buf);
    return rc_float_from_double(ip->rt, r);
}

BT_CFUNC(float_round) {
    if (rp_check_args(ip, "__round__", nargs, kwnames, 0, 1) < 0)
        return NULL;
    return bt_float_round(ip, fval(self), nargs ? args[0] : NULL);
}

/* ====================================================================== */
/* hex and fromhex                                                        */
/* ====================================================================== */

BT_CFUNC(float_hex) {
    if (rp_check_args(ip, "hex", nargs, kwnames, 0, 0) < 0)
        return NULL;
    double x = fval(self);
    if (isnan(x) || isinf(x))
        return rc_repr(self);
    if (x == 0.0)
        return rp_str(ip, signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char digits[32];
    size_t k = 0;
    static const char hexd[] = "0123456789abcdef";
    digits[k++] = hexd[(int)m];
    m -= (int)m;
    digits[k++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        digits[k++] = hexd[(int)m];
        m -= (int)m;
    }
    digits[k] = 0;
    return rc_str_from_format(ip->rt, "%s0x%sp%c%d", x < 0 ? "-" : "", digits,
                              e < 0 ? '-' : '+', e < 0 ? -e : e);
}

static int invalid_hex(rp_interp *ip) {
    return rp_raise(ip, ip->exc.ValueError,
                    "invalid hexadecimal floating-point string");
}

/* Reads text as float.fromhex does, through strtod's C99 hex form. */
static int parse_hex(rp_interp *ip, const char *s, double *out) {
    while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
        s++;
    char buf[512];
    size_t n = 0;
    if (*s == '-' || *s == '+')
        buf[n++] = *s++;
    bool prefixed = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    bool word = strncasecmp(s, "inf", 3) == 0 || strncasecmp(s, "nan", 3) == 0;
    if (!prefixed && !word) {
        buf[n++] = '0';
        buf[n++] = 'x';
    }
    size_t len = strlen(s);
    while (len &&
           (s[len - 1] == ' ' || (s[len - 1] >= '\t' && s[len - 1] <= '\r')))
        len--;
    if (len == 0 || len + n + 1 > sizeof buf || strchr(s, '_'))
        return invalid_hex(ip);
    memcpy(buf + n, s, len);
    buf[n + len] = 0;
    char *end;
    double d = strtod(buf, &end);
    if (*end || end == buf + n)
        return invalid_hex(ip);
    if (isinf(d) && !word)
        return rp_raise(ip, ip->exc.OverflowError,
                        "hexadecimal value too large to represent as a float");
    *out = d;
    return 0;
}

BT_CFUNC(float_fromhex) {
    if (rp_check_args(ip, "fromhex", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *s = bt_value(args[0]);
    if (!rc_is_str(s)) {
        rp_raise(ip, ip->exc.TypeError,
                 "bad argument type for built-in "
                 "operation");
        return NULL;
    }
    double d;
    if (parse_hex(ip, rc_str_utf8(s), &d) < 0)
        return NULL;
    rc_object *f = rc_float_from_double(ip->rt, d);
    if (!f || self == &ip->cls.float_->ob)
        return f;
    rc_object *r = rp_call1(ip, self, f); /* a subclass: cls(value) */
    rc_decref(f);
    return r;
}

BT_CFUNC(float_getnewargs) {
    if (rp_check_args(ip, "__getnewargs__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_tuple_pack(ip->rt, 1, self);
}

static const rp_methoddef float_methods[] = {
    {"__trunc__", float_trunc, 0,
     "Return the Integral closest to x between 0 and x."},
    {"__int__", float_trunc, 0, "int(self)"},
    {"__floor__", float_floor, 0, "Return the floor as an Integral."},
    {"__ceil__", float_ceil, 0, "Return the ceiling as an Integral."},
    {"__float__", float_self, 0, "float(self)"},
    {"__round__", float_round, 0,
     "Return the Integral closest to x, rounding half toward even."},
    {"__getnewargs__", float_getnewargs, 0, NULL},
    {"conjugate", float_self, 0,
     "Return self, the complex conjugate of any "
     "float."},
    {"is_integer", float_is_integer, 0,
     "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio, 0, "Return integer ratio."},
    {"hex", float_hex, 0,
     "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", float_fromhex, RP_METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {NULL},
};

static rc_object *float_get_self(rp_interp *ip, rc_object *self) {
    return rp_new_ref(self);
}

static rc_object *float_get_zero(rp_interp *ip, rc_object *self) {
    return rc_float_from_double(ip->rt, 0.0);
}

static const rp_getsetdef float_getsets[] = {
    {"real", float_get_self, NULL, "the real part of a complex number"},
    {"imag", float_get_zero, NULL, "the imaginary part of a complex number"},
    {NULL},
};

int rp_bt_init_float(rp_interp *ip) {
    rc_object *f = rc_float_from_double(ip->rt, 0.0);
    if (!f)
        return -1;
    const rc_type *t = f->type;
    rc_decref(f);
    ip->cls.float_ = rp_class_new_builtin(ip, "float", t, NULL, float_methods,
                                          float_new, RP_CLS_BASETYPE);
    if (!ip->cls.float_)
        return -1;
    return rp_class_add_getsets(ip, ip->cls.float_, float_getsets);
}
