/*
 * mod_math_int.c — math's functions on integers: factorial, gcd, lcm,
 * comb, perm, isqrt, and prod (any numbers). All work on rcgc's
 * arbitrary-precision ints through the number protocol, so the results
 * are exact at any size; arguments convert through __index__ as in
 * CPython ("'float' object cannot be interpreted as an integer").
 */
#include "btypes.h"

/* *acc = *acc op x, releasing the old value; false on error. */
static bool update(rc_object **acc, rc_object *x,
                   rc_object *(*op)(rc_object *, rc_object *)) {
    rc_object *r = *acc && x ? op(*acc, x) : NULL;
    rc_xdecref(*acc);
    *acc = r;
    return r != NULL;
}

/* ====================================================================== */
/* gcd, lcm                                                               */
/* ====================================================================== */

static rc_object *gcd2(rc_object *a, rc_object *b) {
    rc_object *x = rc_number_absolute(a), *y = x ? rc_number_absolute(b) : NULL;
    while (x && y && rc_int_sign(y) != 0) {
        rc_object *r = rc_number_remainder(x, y);
        rc_decref(x);
        x = y;
        y = r;
    }
    if (!y) {
        rc_xdecref(x);
        return NULL;
    }
    rc_decref(y);
    return x;
}

static rc_object *lcm2(rc_object *a, rc_object *b) {
    if (rc_int_sign(a) == 0 || rc_int_sign(b) == 0)
        return rc_int_from_i64(rc_runtime_of(a), 0);
    rc_object *g = gcd2(a, b);
    rc_object *q = g ? rc_number_floordiv(a, g) : NULL;
    rc_object *p = q ? rc_number_multiply(q, b) : NULL;
    rc_object *r = p ? rc_number_absolute(p) : NULL;
    rc_xdecref(g), rc_xdecref(q), rc_xdecref(p);
    return r;
}

static rc_object *fold_ints(rp_interp *ip, rc_object *const *args, size_t nargs,
                            int64_t empty,
                            rc_object *(*op)(rc_object *, rc_object *)) {
    rc_object *acc = rc_int_from_i64(ip->rt, empty);
    for (size_t i = 0; acc && i < nargs; i++) {
        rc_object *x = bt_int_arg(ip, args[i]);
        if (!x) {
            rc_decref(acc);
            return NULL;
        }
        update(&acc, x, i == 0 ? rc_number_add : op);
        if (i == 0 && acc) { /* gcd(x) and lcm(x) are abs(x) */
            rc_object *a = rc_number_absolute(acc);
            rc_decref(acc);
            acc = a;
        }
        rc_decref(x);
    }
    return acc;
}

BT_CFUNC(m_gcd) {
    if (rp_check_args(ip, "gcd", nargs, kwnames, 0, (size_t)-1) < 0)
        return NULL;
    return fold_ints(ip, args, nargs, 0, gcd2);
}

BT_CFUNC(m_lcm) {
    if (rp_check_args(ip, "lcm", nargs, kwnames, 0, (size_t)-1) < 0)
        return NULL;
    if (nargs == 0)
        return rc_int_from_i64(ip->rt, 1);
    return fold_ints(ip, args, nargs, 0, lcm2);
}

/* ====================================================================== */
/* factorial, perm, comb                                                  */
/* ====================================================================== */

/* The product lo * (lo+1) * ... * hi of ints (1 when lo > hi). */
static rc_object *range_product(rp_interp *ip, rc_object *lo, rc_object *hi) {
    rc_object *acc = rc_int_from_i64(ip->rt, 1);
    rc_object *one = rc_int_from_i64(ip->rt, 1), *i = rp_new_ref(lo);
    while (acc && i && rc_compare(i, hi, RC_LE) > 0) {
        update(&acc, i, rc_number_multiply);
        update(&i, one, rc_number_add);
    }
    rc_xdecref(i);
    rc_decref(one);
    return acc;
}

BT_CFUNC(m_factorial) {
    if (rp_check_args(ip, "factorial", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *n = bt_int_arg(ip, args[0]);
    if (!n)
        return NULL;
    rc_object *r = NULL;
    if (rc_int_sign(n) < 0) {
        rp_raise(ip, ip->exc.ValueError,
                 "factorial() not defined for negative values");
    } else {
        rc_object *one = rc_int_from_i64(ip->rt, 1);
        r = range_product(ip, one, n);
        rc_decref(one);
    }
    rc_decref(n);
    return r;
}

/* n and k of comb/perm, checked: 0 or negative. */
static int n_k(rp_interp *ip, rc_object *const *args, size_t nargs,
               rc_object **n, rc_object **k) {
    *n = bt_int_arg(ip, args[0]);
    *k = *n && nargs > 1 ? bt_int_arg(ip, args[1]) : NULL;
    if (*n && nargs == 1)
        *k = rp_new_ref(*n);
    const char *bad = !*k                   ? NULL
                      : rc_int_sign(*n) < 0 ? "n must be a non-negative integer"
                      : rc_int_sign(*k) < 0 ? "k must be a non-negative integer"
                                            : NULL;
    if (*k && !bad)
        return 0;
    if (bad)
        rp_raise(ip, ip->exc.ValueError, "%s", bad);
    rc_xdecref(*n);
    rc_xdecref(*k);
    return -1;
}

/* perm(n, k) = n! / (n-k)!; with divide, comb(n, k) = perm(n, j) / j!
 * for j = min(k, n-k). */
static rc_object *falling(rp_interp *ip, rc_object *n, rc_object *k,
                          bool divide) {
    if (rc_compare(k, n, RC_GT) > 0)
        return rc_int_from_i64(ip->rt, 0);
    rc_object *one = rc_int_from_i64(ip->rt, 1);
    rc_object *nk = rc_number_subtract(n, k), *j = rp_new_ref(k);
    if (divide && nk && rc_compare(nk, k, RC_LT) > 0) {
        rc_decref(j);
        j = rp_new_ref(nk);
    }
    rc_object *lo = nk ? rc_number_subtract(n, j) : NULL;
    update(&lo, one, rc_number_add);
    rc_object *r = lo ? range_product(ip, lo, n) : NULL;
    if (r && divide) {
        rc_object *f = range_product(ip, one, j);
        update(&r, f, rc_number_floordiv);
        rc_xdecref(f);
    }
    rc_xdecref(lo), rc_xdecref(nk), rc_decref(j), rc_decref(one);
    return r;
}

BT_CFUNC(m_comb) {
    rc_object *n, *k;
    if (rp_check_args(ip, "comb", nargs, kwnames, 2, 2) < 0 ||
        n_k(ip, args, nargs, &n, &k) < 0)
        return NULL;
    rc_object *r = falling(ip, n, k, true);
    rc_decref(n), rc_decref(k);
    return r;
}

BT_CFUNC(m_perm) {
    rc_object *n, *k;
    if (rp_check_args(ip, "perm", nargs, kwnames, 1, 2) < 0)
        return NULL;
    if (n_k(ip, args, nargs > 1 && args[1] != ip->none ? 2 : 1, &n, &k) < 0)
        return NULL;
    rc_object *r = falling(ip, n, k, false);
    rc_decref(n), rc_decref(k);
    return r;
}

/* ====================================================================== */
/* isqrt, prod                                                            */
/* ====================================================================== */

BT_CFUNC(m_isqrt) {
    if (rp_check_args(ip, "isqrt", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *n = bt_int_arg(ip, args[0]);
    if (!n)
        return NULL;
    if (rc_int_sign(n) < 0) {
        rc_decref(n);
        rp_raise(ip, ip->exc.ValueError,
                 "isqrt() argument must be nonnegative");
        return NULL;
    }
    if (rc_int_sign(n) == 0)
        return n;
    /* Newton from a power of two above the root: x = (x + n // x) // 2 */
    rc_object *two = rc_int_from_i64(ip->rt, 2);
    rc_object *sh =
        rc_int_from_i64(ip->rt, (int64_t)(rc_int_bit_length(n) + 1) / 2);
    rc_object *one = rc_int_from_i64(ip->rt, 1);
    rc_object *x = sh ? rc_number_lshift(one, sh) : NULL;
    while (x) {
        rc_object *q = rc_number_floordiv(n, x);
        rc_object *s = q ? rc_number_add(x, q) : NULL;
        rc_object *y = s ? rc_number_floordiv(s, two) : NULL;
        rc_xdecref(q), rc_xdecref(s);
        if (!y || rc_compare(y, x, RC_GE) > 0) {
            rc_xdecref(y);
            break;
        }
        rc_decref(x);
        x = y;
    }
    rc_decref(two), rc_xdecref(sh), rc_decref(one), rc_decref(n);
    return x;
}

static int multiply_into(rp_interp *ip, rc_object *item, void *acc) {
    return update(acc, item, rc_number_multiply) ? 0 : -1;
}

BT_CFUNC(m_prod) {
    static const char *const names[] = {"iterable", "start", NULL};
    static const rp_argspec spec = {"prod", names, 1, 1, 1};
    rc_object *a[2];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    rc_object *acc = a[1] ? rp_new_ref(a[1]) : rc_int_from_i64(ip->rt, 1);
    if (acc && bt_foreach(ip, a[0], multiply_into, &acc) < 0) {
        rc_xdecref(acc);
        return NULL;
    }
    return acc;
}

const rp_methoddef rp_math_int_functions[] = {
    {"gcd", m_gcd, 0, "Greatest Common Divisor."},
    {"lcm", m_lcm, 0, "Least Common Multiple."},
    {"factorial", m_factorial, 0, "Find n!."},
    {"comb", m_comb, 0,
     "Number of ways to choose k items from n items without repetition and "
     "without order."},
    {"perm", m_perm, 0,
     "Number of ways to choose k items from n items without repetition and "
     "with order."},
    {"isqrt", m_isqrt, 0,
     "Return the integer part of the square root of the input."},
    {"prod", m_prod, 0,
     "Calculate the product of all the elements in the input iterable."},
    {NULL},
};
