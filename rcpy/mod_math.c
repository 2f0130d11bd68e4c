/*
 * mod_math.c — the math module: the C library's functions on doubles with
 * CPython's error rules (a NaN out of a non-NaN argument is "math domain
 * error", ValueError; an infinity out of a finite argument is "math range
 * error", OverflowError), the integer functions on rcgc's arbitrary-
 * precision ints (factorial, gcd, lcm, comb, perm, isqrt), fsum's exact
 * summation, and the constants pi, e, tau, inf, nan.
 *
 * Arguments convert as CPython's do: floats, ints, and objects with
 * __float__ or __index__ (rp_float); floor/ceil/trunc call __floor__/
 * __ceil__/__trunc__ of the argument's class.
 */
#include "btypes.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

/* The constants (C99's math.h has no MATH_PI without _GNU_SOURCE). */
#define MATH_PI 3.141592653589793238462643383279502884
#define MATH_E  2.718281828459045235360287471352662498

static int domain_error(rp_interp *ip) {
    return rp_raise(ip, ip->exc.ValueError, "math domain error");
}

static int range_error(rp_interp *ip) {
    return rp_raise(ip, ip->exc.OverflowError, "math range error");
}

/* A float argument; huge ints give OverflowError "int too large to convert
 * to float". */
static int num(rp_interp *ip, rc_object *o, double *out) {
    return rp_float(ip, o, out);
}

static rc_object *float_result(rp_interp *ip, double r) {
    return rc_float_from_double(ip->rt, r);
}

/* ====================================================================== */
/* Functions of one float                                                 */
/* ====================================================================== */

typedef struct unary {
    const char *name;
    double (*fn)(double);
    bool can_overflow; /* an infinite result from a finite x is an error */
} unary;

static double deg(double x) {
    return x * (180.0 / MATH_PI);
}

static double rad(double x) {
    return x * (MATH_PI / 180.0);
}

static const unary unaries[] = {
    {"sqrt", sqrt, false},   {"exp", exp, true},      {"expm1", expm1, true},
    {"log1p", log1p, false}, {"sin", sin, false},     {"cos", cos, false},
    {"tan", tan, false},     {"asin", asin, false},   {"acos", acos, false},
    {"atan", atan, false},   {"sinh", sinh, true},    {"cosh", cosh, true},
    {"tanh", tanh, false},   {"asinh", asinh, false}, {"acosh", acosh, false},
    {"atanh", atanh, false}, {"fabs", fabs, false},   {"erf", erf, false},
    {"erfc", erfc, false},   {"gamma", tgamma, true}, {"lgamma", lgamma, true},
    {"degrees", deg, true},  {"radians", rad, false}, {"cbrt", cbrt, false},
    {"exp2", exp2, true},
};

static const unary *find_unary(const char *name) {
    for (size_t i = 0; i < sizeof unaries / sizeof unaries[0]; i++)
        if (strcmp(unaries[i].name, name) == 0)
            return &unaries[i];
    return NULL;
}

/* CPython's math_1: errors from the result's NaN/infinity. */
static rc_object *apply_unary(rp_interp *ip, const unary *u, rc_object *arg) {
    double x;
    if (num(ip, arg, &x) < 0)
        return NULL;
    errno = 0;
    double r = u->fn(x);
    if (isnan(r) && !isnan(x))
        return domain_error(ip), NULL;
    if (isinf(r) && isfinite(x)) {
        if (u->can_overflow && !(u->fn == lgamma && (x <= 0 && x == floor(x))))
            return range_error(ip), NULL;
        return domain_error(ip), NULL; /* log-like poles: gamma(0) */
    }
    return float_result(ip, r);
}

/* The unary functions share one C function: the builtin's own name (the
 * method def) says which one. */
static rc_object *math_unary(rp_interp *ip, rc_object *self,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames, const char *name) {
    if (rp_check_args(ip, name, nargs, kwnames, 1, 1) < 0)
        return NULL;
    return apply_unary(ip, find_unary(name), args[0]);
}

#define UNARY(fname)                                                           \
    BT_CFUNC(m_##fname) {                                                      \
        return math_unary(ip, self, args, nargs, kwnames, #fname);             \
    }

UNARY(sqrt)
UNARY(exp)
UNARY(expm1)
UNARY(log1p)
UNARY(sin)
UNARY(cos)
UNARY(tan)
UNARY(asin)
UNARY(acos)
UNARY(atan)
UNARY(sinh)
UNARY(cosh)
UNARY(tanh)
UNARY(asinh)
UNARY(acosh)
UNARY(atanh)
UNARY(fabs)
UNARY(erf)
UNARY(erfc)
UNARY(gamma)
UNARY(lgamma)
UNARY(degrees)
UNARY(radians)
UNARY(cbrt)
UNARY(exp2)

/* ====================================================================== */
/* Logarithms (ints of any size too)                                      */
/* ====================================================================== */

/* log of x (float or int of any size) with base e: *out, or an error. */
static int log_of(rp_interp *ip, rc_object *arg, double (*fn)(double),
                  double *out) {
    rc_object *v = bt_value(arg);
    if (rc_is_int(v)) {
        if (rc_int_sign(v) <= 0)
            return domain_error(ip);
        double d;
        if (rc_int_to_double(v, &d) == 0) {
            *out = fn(d);
            return 0;
        }
        rp_err_clear(ip); /* too big: x = m * 2**e, m in [0.5, 1) */
        size_t e = rc_int_bit_length(v);
        rc_object *sh = rc_int_from_i64(ip->rt, (int64_t)e - 60);
        rc_object *m = sh ? rc_number_rshift(v, sh) : NULL;
        rc_xdecref(sh);
        if (!m || rc_int_to_double(m, &d) < 0) {
            rc_xdecref(m);
            return -1;
        }
        rc_decref(m);
        *out = fn(ldexp(d, -60)) + fn(2.0) * (double)e; /* CPython's form */
        return 0;
    }
    double x;
    if (num(ip, arg, &x) < 0)
        return -1;
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return 0;
    }
    if (x <= 0)
        return domain_error(ip);
    *out = fn(x);
    return 0;
}

BT_CFUNC(m_log) {
    if (rp_check_args(ip, "log", nargs, kwnames, 1, 2) < 0)
        return NULL;
    double a, b;
    if (log_of(ip, args[0], log, &a) < 0)
        return NULL;
    if (nargs == 2) {
        if (log_of(ip, args[1], log, &b) < 0)
            return NULL;
        if (b == 0.0) {
            rp_raise(ip, ip->exc.ZeroDivisionError, "float division by zero");
            return NULL;
        }
        a /= b;
    }
    return float_result(ip, a);
}

BT_CFUNC(m_log2) {
    double r;
    if (rp_check_args(ip, "log2", nargs, kwnames, 1, 1) < 0 ||
        log_of(ip, args[0], log2, &r) < 0)
        return NULL;
    return float_result(ip, r);
}

BT_CFUNC(m_log10) {
    double r;
    if (rp_check_args(ip, "log10", nargs, kwnames, 1, 1) < 0 ||
        log_of(ip, args[0], log10, &r) < 0)
        return NULL;
    return float_result(ip, r);
}

/* ====================================================================== */
/* Functions of two floats                                                */
/* ====================================================================== */

static int two_floats(rp_interp *ip, const char *name, rc_object *const *args,
                      size_t nargs, rc_object *kwnames, double *x, double *y) {
    if (rp_check_args(ip, name, nargs, kwnames, 2, 2) < 0 ||
        num(ip, args[0], x) < 0 || num(ip, args[1], y) < 0)
        return -1;
    return 0;
}

BT_CFUNC(m_pow) {
    double x, y;
    if (two_floats(ip, "pow", args, nargs, kwnames, &x, &y) < 0)
        return NULL;
    if (x == 0.0 && y < 0 && isfinite(y))
        return domain_error(ip), NULL;
    if (x < 0 && isfinite(x) && isfinite(y) && y != floor(y))
        return domain_error(ip), NULL;
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return range_error(ip), NULL;
    return float_result(ip, r);
}

BT_CFUNC(m_fmod) {
    double x, y;
    if (two_floats(ip, "fmod", args, nargs, kwnames, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return float_result(ip, x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error(ip), NULL;
    return float_result(ip, r);
}

BT_CFUNC(m_atan2) {
    double y, x;
    if (two_floats(ip, "atan2", args, nargs, kwnames, &y, &x) < 0)
        return NULL;
    return float_result(ip, atan2(y, x));
}

BT_CFUNC(m_copysign) {
    double x, y;
    if (two_floats(ip, "copysign", args, nargs, kwnames, &x, &y) < 0)
        return NULL;
    return float_result(ip, copysign(x, y));
}

BT_CFUNC(m_remainder) {
    double x, y;
    if (two_floats(ip, "remainder", args, nargs, kwnames, &x, &y) < 0)
        return NULL;
    double r = remainder(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error(ip), NULL;
    return float_result(ip, r);
}

BT_CFUNC(m_nextafter) {
    double x, y;
    if (two_floats(ip, "nextafter", args, nargs, kwnames, &x, &y) < 0)
        return NULL;
    return float_result(ip, nextafter(x, y));
}

BT_CFUNC(m_ldexp) {
    double x;
    ptrdiff_t e;
    if (rp_check_args(ip, "ldexp", nargs, kwnames, 2, 2) < 0 ||
        num(ip, args[0], &x) < 0 || bt_index(ip, args[1], &e) < 0)
        return NULL;
    if (e > 100000)
        e = 100000;
    if (e < -100000)
        e = -100000;
    double r = ldexp(x, (int)e);
    if (isinf(r) && isfinite(x))
        return range_error(ip), NULL;
    return float_result(ip, r);
}

/* *sum += x exactly: the rounding error goes to *err (fast two-sum; needs
 * |*sum| >= |x|). */
static void add_exact(double *sum, double x, double *err) {
    double s = *sum + x;
    *err += x - (s - *sum);
    *sum = s;
}

/* sqrt(sum(x * x for x in v)) for n finite values |x| <= max, as CPython
 * computes it (hypot and dist give its bits): every value scaled by the
 * power of two that brings max into [0.5, 1), squared exactly (fma gives
 * each product's rounding error), summed into an accumulator that starts
 * at 1.0 (never smaller than a term, so the fast two-sum holds) with the
 * errors kept aside; then one differential correction of the square root
 * h: sqrt(h*h + d) ~ h + d / 2h, d computed as exactly. */
static double vector_norm(size_t n, double *v, double max) {
    if (max == 0.0 || n <= 1)
        return max;
    int e;
    frexp(max, &e);
    if (e < -1023) { /* subnormals: scale up first, 1/scale would overflow */
        for (size_t i = 0; i < n; i++)
            v[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, v, max / DBL_MIN);
    }
    double scale = ldexp(1.0, -e), sum = 1.0, err_sq = 0.0, err_add = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = v[i] * scale, sq = x * x;
        err_sq += fma(x, x, -sq);
        add_exact(&sum, sq, &err_add);
    }
    double h = sqrt(sum - 1.0 + (err_sq + err_add)), sq = -h * h;
    err_sq += fma(-h, h, -sq);
    add_exact(&sum, sq, &err_add);
    h += (sum - 1.0 + (err_sq + err_add)) / (2.0 * h);
    return h / scale;
}

/* The norm of the n values of v: an infinity wins over a NaN. */
static rc_object *norm_of(rp_interp *ip, size_t n, double *v) {
    double max = 0.0;
    bool nan_seen = false;
    for (size_t i = 0; i < n; i++) {
        v[i] = fabs(v[i]);
        nan_seen |= isnan(v[i]) != 0;
        if (v[i] > max)
            max = v[i];
    }
    return float_result(ip, isinf(max) ? max
                            : nan_seen ? NAN
                                       : vector_norm(n, v, max));
}

/* n doubles on the stack when few, else rc_malloc'd (NULL + MemoryError). */
#define NORM_STACK 16
static double *norm_buffer(rp_interp *ip, double *stack, size_t n) {
    if (n <= NORM_STACK)
        return stack;
    double *v = rc_malloc(ip->rt, n * sizeof *v);
    if (!v)
        rp_raise(ip, ip->exc.MemoryError, "out of memory");
    return v;
}

static void norm_buffer_free(rp_interp *ip, double *stack, double *v,
                             size_t n) {
    if (v != stack)
        rc_free(ip->rt, v, n * sizeof *v);
}

BT_CFUNC(m_hypot) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "math.hypot() takes no keyword arguments");
        return NULL;
    }
    double stack[NORM_STACK], *v = norm_buffer(ip, stack, nargs);
    bool ok = v != NULL;
    for (size_t i = 0; ok && i < nargs; i++)
        ok = num(ip, args[i], &v[i]) == 0;
    rc_object *r = ok ? norm_of(ip, nargs, v) : NULL;
    if (v)
        norm_buffer_free(ip, stack, v, nargs);
    return r;
}

/* dist(p, q): the norm of the coordinates' differences. */
BT_CFUNC(m_dist) {
    if (rp_check_args(ip, "dist", nargs, kwnames, 2, 2) < 0)
        return NULL;
    rc_object *p = bt_tuple_from(ip, args[0]);
    rc_object *q = p ? bt_tuple_from(ip, args[1]) : NULL;
    rc_object *r = NULL;
    size_t n = q ? rc_tuple_size(p) : 0;
    if (q && n != rc_tuple_size(q))
        rp_raise(ip, ip->exc.ValueError,
                 "both points must have the same number of dimensions");
    else if (q) {
        double stack[NORM_STACK], *v = norm_buffer(ip, stack, n);
        bool ok = v != NULL;
        for (size_t i = 0; ok && i < n; i++) {
            double a, b;
            ok = num(ip, rc_tuple_get(p, i), &a) == 0 &&
                 num(ip, rc_tuple_get(q, i), &b) == 0;
            if (ok)
                v[i] = a - b;
        }
        r = ok ? norm_of(ip, n, v) : NULL;
        if (v)
            norm_buffer_free(ip, stack, v, n);
    }
    rc_xdecref(p);
    rc_xdecref(q);
    return r;
}

/* ulp(x): the gap from |x| to the next float away from zero (the largest
 * float's gap to the one below). */
BT_CFUNC(m_ulp) {
    double x;
    if (rp_check_args(ip, "ulp", nargs, kwnames, 1, 1) < 0 ||
        num(ip, args[0], &x) < 0)
        return NULL;
    x = fabs(x);
    if (isnan(x) || isinf(x))
        return float_result(ip, x);
    double up = nextafter(x, INFINITY);
    return float_result(ip, isinf(up) ? x - nextafter(x, -INFINITY) : up - x);
}

/* ====================================================================== */
/* Classification and comparison                                          */
/* ====================================================================== */

#define CLASSIFY(fname, pyname, test)                                          \
    BT_CFUNC(fname) {                                                          \
        double x;                                                              \
        if (rp_check_args(ip, pyname, nargs, kwnames, 1, 1) < 0 ||             \
            num(ip, args[0], &x) < 0)                                          \
            return NULL;                                                       \
        return rp_new_ref(rp_bool(ip, test(x)));                               \
    }

CLASSIFY(m_isnan, "isnan", isnan)
CLASSIFY(m_isinf, "isinf", isinf)
CLASSIFY(m_isfinite, "isfinite", isfinite)

BT_CFUNC(m_isclose) {
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    static const rp_argspec spec = {"isclose", names, 2, 2, 0};
    rc_object *a[4];
    double x, y, rel = 1e-09, abs_tol = 0.0;
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0 ||
        num(ip, a[0], &x) < 0 || num(ip, a[1], &y) < 0 ||
        (a[2] && num(ip, a[2], &rel) < 0) ||
        (a[3] && num(ip, a[3], &abs_tol) < 0))
        return NULL;
    if (rel < 0.0 || abs_tol < 0.0) {
        rp_raise(ip, ip->exc.ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (x == y)
        return rp_new_ref(ip->true_);
    if (isinf(x) || isinf(y))
        return rp_new_ref(ip->false_);
    double diff = fabs(y - x);
    bool close =
        (diff <= fabs(rel * y)) || (diff <= fabs(rel * x)) || diff <= abs_tol;
    return rp_new_ref(rp_bool(ip, close));
}

/* ====================================================================== */
/* floor, ceil, trunc, modf, frexp                                        */
/* ====================================================================== */

/* x.__floor__() and the like when x's class has it; else the float's. */
static rc_object *rounding(rp_interp *ip, rc_object *const *args, size_t nargs,
                           rc_object *kwnames, const char *name,
                           const char *dunder, double (*fn)(double)) {
    if (rp_check_args(ip, name, nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *v = bt_value(args[0]);
    if (rc_is_float(v))
        return rc_int_from_double(ip->rt, fn(rc_float_value(v)));
    rc_object *dn = rc_str_intern(ip->rt, dunder);
    bool found = false;
    rc_object *r =
        dn ? rp_call_special(ip, args[0], dn, NULL, 0, &found) : NULL;
    rc_xdecref(dn);
    if (found || !dn)
        return r;
    if (fn == trunc) {
        rp_raise(ip, ip->exc.TypeError,
                 "type %s doesn't define __trunc__ method", rp_tname(args[0]));
        return NULL;
    }
    double x;
    if (num(ip, args[0], &x) < 0)
        return NULL;
    return rc_int_from_double(ip->rt, fn(x));
}

BT_CFUNC(m_floor) {
    return rounding(ip, args, nargs, kwnames, "floor", "__floor__", floor);
}

BT_CFUNC(m_ceil) {
    return rounding(ip, args, nargs, kwnames, "ceil", "__ceil__", ceil);
}

BT_CFUNC(m_trunc) {
    return rounding(ip, args, nargs, kwnames, "trunc", "__trunc__", trunc);
}

BT_CFUNC(m_modf) {
    double x, ip_;
    if (rp_check_args(ip, "modf", nargs, kwnames, 1, 1) < 0 ||
        num(ip, args[0], &x) < 0)
        return NULL;
    double frac = isinf(x) ? copysign(0.0, x) : modf(x, &ip_);
    if (isinf(x))
        ip_ = x;
    rc_object *a = float_result(ip, frac), *b = float_result(ip, ip_);
    rc_object *t = a && b ? rc_tuple_pack(ip->rt, 2, a, b) : NULL;
    rc_xdecref(a);
    rc_xdecref(b);
    return t;
}

BT_CFUNC(m_frexp) {
    double x;
    int e = 0;
    if (rp_check_args(ip, "frexp", nargs, kwnames, 1, 1) < 0 ||
        num(ip, args[0], &x) < 0)
        return NULL;
    double m = isfinite(x) ? frexp(x, &e) : x;
    rc_object *a = float_result(ip, m), *b = rc_int_from_i64(ip->rt, e);
    rc_object *t = a && b ? rc_tuple_pack(ip->rt, 2, a, b) : NULL;
    rc_xdecref(a);
    rc_xdecref(b);
    return t;
}

/* ====================================================================== */
/* fsum: exact summation (Shewchuk), correctly rounded                    */
/* ====================================================================== */

typedef struct fsum_state {
    double *p; /* partials, increasing magnitude, non-overlapping */
    size_t n, cap;
    double special; /* sum of the infinities and NaNs seen */
    double inf_sum; /* sum of the infinities seen */
    bool has_special;
    rc_runtime *rt;
} fsum_state;

static int fsum_add(rp_interp *ip, rc_object *item, void *arg) {
    fsum_state *st = arg;
    double x;
    if (num(ip, item, &x) < 0)
        return -1;
    if (!isfinite(x)) {
        st->special += x;
        if (isinf(x))
            st->inf_sum += x;
        st->has_special = true;
        return 0;
    }
    size_t i = 0;
    for (size_t j = 0; j < st->n; j++) {
        double y = st->p[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y, y = t;
        }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0)
            st->p[i++] = lo;
        x = hi;
    }
    if (i >= st->cap) {
        size_t cap = st->cap * 2;
        double *np = rc_realloc(st->rt, st->p, st->cap * sizeof(double),
                                cap * sizeof(double));
        if (!np)
            return -1;
        st->p = np, st->cap = cap;
    }
    st->p[i] = x;
    st->n = i + 1;
    if (isinf(x))
        return rp_raise(ip, ip->exc.OverflowError,
                        "intermediate overflow in fsum");
    return 0;
}

/* The partials' sum, rounded once (half-way cases settled by the next
 * partial's sign). */
static double fsum_total(const fsum_state *st) {
    size_t n = st->n;
    if (n == 0)
        return 0.0;
    double hi = st->p[--n], lo = 0.0;
    while (n > 0) {
        double x = hi, y = st->p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0)
            break;
    }
    if (n > 0 &&
        ((lo < 0 && st->p[n - 1] < 0) || (lo > 0 && st->p[n - 1] > 0))) {
        double y = lo * 2, x = hi + y;
        if (y == x - hi)
            hi = x;
    }
    return hi;
}

BT_CFUNC(m_fsum) {
    if (rp_check_args(ip, "fsum", nargs, kwnames, 1, 1) < 0)
        return NULL;
    fsum_state st = {
        rc_malloc(ip->rt, 32 * sizeof(double)), 0, 32, 0.0, 0.0, false, ip->rt};
    if (!st.p)
        return NULL;
    int r = bt_foreach(ip, args[0], fsum_add, &st);
    double total = r == 0 ? fsum_total(&st) : 0.0;
    rc_free(ip->rt, st.p, st.cap * sizeof(double));
    if (r < 0)
        return NULL;
    if (st.has_special) {
        if (isnan(st.inf_sum)) {
            rp_raise(ip, ip->exc.ValueError, "-inf + inf in fsum");
            return NULL;
        }
        total = st.special;
    }
    return float_result(ip, total);
}

/* ====================================================================== */
/* Start-up                                                               */
/* ====================================================================== */

static const rp_methoddef math_functions[] = {
    {"sqrt", m_sqrt, 0, "Return the square root of x."},
    {"exp", m_exp, 0, "Return e raised to the power of x."},
    {"expm1", m_expm1, 0, "Return exp(x)-1."},
    {"log1p", m_log1p, 0, "Return the natural logarithm of 1+x (base e)."},
    {"sin", m_sin, 0, "Return the sine of x (measured in radians)."},
    {"cos", m_cos, 0, "Return the cosine of x (measured in radians)."},
    {"tan", m_tan, 0, "Return the tangent of x (measured in radians)."},
    {"asin", m_asin, 0, "Return the arc sine (measured in radians) of x."},
    {"acos", m_acos, 0, "Return the arc cosine (measured in radians) of x."},
    {"atan", m_atan, 0, "Return the arc tangent (measured in radians) of x."},
    {"sinh", m_sinh, 0, "Return the hyperbolic sine of x."},
    {"cosh", m_cosh, 0, "Return the hyperbolic cosine of x."},
    {"tanh", m_tanh, 0, "Return the hyperbolic tangent of x."},
    {"asinh", m_asinh, 0, "Return the inverse hyperbolic sine of x."},
    {"acosh", m_acosh, 0, "Return the inverse hyperbolic cosine of x."},
    {"atanh", m_atanh, 0, "Return the inverse hyperbolic tangent of x."},
    {"fabs", m_fabs, 0, "Return the absolute value of the float x."},
    {"erf", m_erf, 0, "Error function at x."},
    {"erfc", m_erfc, 0, "Complementary error function at x."},
    {"gamma", m_gamma, 0, "Gamma function at x."},
    {"lgamma", m_lgamma, 0,
     "Natural logarithm of absolute value of Gamma function at x."},
    {"degrees", m_degrees, 0, "Convert angle x from radians to degrees."},
    {"radians", m_radians, 0, "Convert angle x from degrees to radians."},
    {"log", m_log, 0, "Return the logarithm of x to the given base."},
    {"log2", m_log2, 0, "Return the base 2 logarithm of x."},
    {"log10", m_log10, 0, "Return the base 10 logarithm of x."},
    {"pow", m_pow, 0, "Return x**y (x to the power of y)."},
    {"fmod", m_fmod, 0, "Return fmod(x, y), according to platform C."},
    {"atan2", m_atan2, 0,
     "Return the arc tangent (measured in radians) of y/x."},
    {"copysign", m_copysign, 0,
     "Return a float with the magnitude (absolute value) of x but the sign "
     "of y."},
    {"remainder", m_remainder, 0,
     "Difference between x and the closest integer multiple of y."},
    {"nextafter", m_nextafter, 0,
     "Return the next floating-point value after x towards y."},
    {"ldexp", m_ldexp, 0, "Return x * (2**i)."},
    {"hypot", m_hypot, 0,
     "Multidimensional Euclidean distance from the "
     "origin to a point."},
    {"dist", m_dist, 0,
     "Return the Euclidean distance between two points p and q."},
    {"ulp", m_ulp, 0,
     "Return the value of the least significant bit of the "
     "float x."},
    {"cbrt", m_cbrt, 0, "Return the cube root of x."},
    {"exp2", m_exp2, 0, "Return 2 raised to the power x."},
    {"isnan", m_isnan, 0,
     "Return True if x is a NaN (not a number), and "
     "False otherwise."},
    {"isinf", m_isinf, 0,
     "Return True if x is a positive or negative "
     "infinity, and False otherwise."},
    {"isfinite", m_isfinite, 0,
     "Return True if x is neither an infinity nor "
     "a NaN, and False otherwise."},
    {"isclose", m_isclose, 0,
     "Determine whether two floating point numbers are close in value."},
    {"floor", m_floor, 0, "Return the floor of x as an Integral."},
    {"ceil", m_ceil, 0, "Return the ceiling of x as an Integral."},
    {"trunc", m_trunc, 0,
     "Truncates the Real x to the nearest Integral "
     "toward 0."},
    {"modf", m_modf, 0, "Return the fractional and integer parts of x."},
    {"frexp", m_frexp, 0,
     "Return the mantissa and exponent of x, as pair "
     "(m, e)."},
    {"fsum", m_fsum, 0,
     "Return an accurate floating point sum of values in the iterable seq."},
    {NULL},
};

int rp_init_math_module(rp_interp *ip, rc_object *module) {
    static const struct {
        const char *name;
        double value;
    } constants[] = {
        {"pi", MATH_PI},   {"e", MATH_E}, {"tau", 2 * MATH_PI},
        {"inf", INFINITY}, {"nan", NAN},
    };
    if (rp_module_add_functions(ip, module, math_functions) < 0 ||
        rp_module_add_functions(ip, module, rp_math_int_functions) < 0)
        return -1;
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++) {
        rc_object *v = rc_float_from_double(ip->rt, constants[i].value);
        if (!v || rp_module_add_object(ip, module, constants[i].name, v) < 0)
            return -1;
    }
    return 0;
}
