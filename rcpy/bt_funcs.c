/*
 * bt_funcs.c — the builtin functions on numbers and iterables: abs,
 * divmod, pow (with the three-argument modular form for ints), round,
 * sum, min, max, sorted, any, all, chr, ord, bin, oct, hex and format.
 *
 * Arithmetic goes through rcgc's number protocol, so instances with
 * __add__, __abs__ ... take part as CPython's do; comparisons in min/max
 * use rc_compare (with reflection). Messages are CPython 3.11's.
 */
#include "btypes.h"

#include <string.h>

/* ====================================================================== */
/* abs, divmod, pow, round                                                */
/* ====================================================================== */

BT_CFUNC(bi_abs) {
    if (rp_check_args(ip, "abs", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return rc_number_absolute(args[0]);
}

BT_CFUNC(bi_divmod) {
    if (rp_check_args(ip, "divmod", nargs, kwnames, 2, 2) < 0)
        return NULL;
    return rc_number_divmod(args[0], args[1]);
}

BT_CFUNC(bi_pow) {
    static const char *const names[] = {"base", "exp", "mod", NULL};
    static const rp_argspec spec = {"pow", names, 2, 3, 0};
    rc_object *a[3];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!a[2] || a[2] == ip->none)
        return rc_number_power(a[0], a[1]);
    rc_object *b = bt_value(a[0]), *e = bt_value(a[1]), *m = bt_value(a[2]);
    if (rc_is_int(b) && rc_is_int(e) && rc_is_int(m))
        return bt_int_pow_mod(ip, b, e, m);
    /* type(base).__pow__(exp, mod); ternary pow never tries __rpow__ */
    rc_object *pow = rc_str_intern(ip->rt, "__pow__");
    rc_object *r = NULL;
    bool found = false;
    if (pow && (a[0]->type->flags & RC_TYPE_HEAP))
        r = rp_call_special(ip, a[0], pow, &a[1], 2, &found);
    rc_xdecref(pow);
    if (found && r != ip->notimpl)
        return r;
    rc_xdecref(r);
    if (rp_err_occurred(ip))
        return NULL;
    double d;
    if (rc_number_as_double(b, &d) == 0 && rc_number_as_double(e, &d) == 0) {
        rp_raise(ip, ip->exc.TypeError,
                 "pow() 3rd argument not allowed unless all arguments are "
                 "integers");
        return NULL;
    }
    rp_err_clear(ip);
    rp_raise(ip, ip->exc.TypeError,
             "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
             rp_tname(a[0]), rp_tname(a[1]), rp_tname(a[2]));
    return NULL;
}

BT_CFUNC(bi_round) {
    static const char *const names[] = {"number", "ndigits", NULL};
    static const rp_argspec spec = {"round", names, 1, 2, 0};
    rc_object *a[2];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    bool found;
    size_t n = a[1] && a[1] != ip->none ? 1 : 0;
    rc_object *r = rp_call_special(ip, a[0], ip->s.round, &a[1], n, &found);
    if (!found)
        rp_raise(ip, ip->exc.TypeError,
                 "type %s doesn't define __round__ method", rp_tname(a[0]));
    return r;
}

/* ====================================================================== */
/* sum, min, max, sorted, any, all                                        */
/* ====================================================================== */

static int add_to(rp_interp *ip, rc_object *item, void *acc) {
    rc_object **total = acc;
    rc_object *t = rc_number_add(*total, item);
    if (!t)
        return -1;
    rc_decref(*total);
    *total = t;
    return 0;
}

BT_CFUNC(bi_sum) {
    static const char *const names[] = {"iterable", "start", NULL};
    static const rp_argspec spec = {"sum", names, 1, 2, 1};
    rc_object *a[2];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    rc_object *start = a[1] ? a[1] : NULL;
    if (start && rc_is_str(bt_value(start))) {
        rp_raise(ip, ip->exc.TypeError,
                 "sum() can't sum strings [use ''.join(seq) instead]");
        return NULL;
    }
    rc_object *total = start ? rp_new_ref(start) : rc_int_from_i64(ip->rt, 0);
    if (total && bt_foreach(ip, a[0], add_to, &total) < 0) {
        rc_decref(total);
        return NULL;
    }
    return total;
}

typedef struct extreme {
    rc_object *key;  /* key function or NULL */
    rc_cmp op;       /* RC_LT for min, RC_GT for max */
    rc_object *best; /* the item so far (new reference) or NULL */
    rc_object *best_key;
} extreme;

static int consider(rp_interp *ip, rc_object *item, void *arg) {
    extreme *x = arg;
    rc_object *k = x->key ? rp_call1(ip, x->key, item) : rp_new_ref(item);
    if (!k)
        return -1;
    int better = x->best ? rc_compare(k, x->best_key, x->op) : 1;
    if (better > 0) {
        rc_xdecref(x->best);
        rc_xdecref(x->best_key);
        x->best = rp_new_ref(item);
        x->best_key = k;
        return 0;
    }
    rc_decref(k);
    return better < 0 ? -1 : 0;
}

static rc_object *min_max(rp_interp *ip, rc_object *const *args, size_t nargs,
                          rc_object *kwnames, const char *name, rc_cmp op) {
    static const char *const names[] = {"key", "default", NULL};
    rp_argspec spec = {name, names, 0, 0, 0};
    rc_object *kw[2];
    if (rp_parse_args(ip, &spec, args + nargs, 0, kwnames, kw) < 0)
        return NULL;
    if (nargs == 0) {
        rp_raise(ip, ip->exc.TypeError,
                 "%s expected at least 1 argument, got 0", name);
        return NULL;
    }
    if (nargs > 1 && kw[1]) {
        rp_raise(ip, ip->exc.TypeError,
                 "Cannot specify a default for %s() with multiple positional "
                 "arguments",
                 name);
        return NULL;
    }
    extreme x = {kw[0] && kw[0] != ip->none ? kw[0] : NULL, op, NULL, NULL};
    int r = 0;
    if (nargs == 1)
        r = bt_foreach(ip, args[0], consider, &x);
    for (size_t i = 0; nargs > 1 && r == 0 && i < nargs; i++)
        r = consider(ip, args[i], &x);
    rc_xdecref(x.best_key);
    if (r < 0) {
        rc_xdecref(x.best);
        return NULL;
    }
    if (x.best)
        return x.best;
    if (kw[1])
        return rp_new_ref(kw[1]);
    rp_raise(ip, ip->exc.ValueError, "%s() arg is an empty sequence", name);
    return NULL;
}

BT_CFUNC(bi_min) {
    return min_max(ip, args, nargs, kwnames, "min", RC_LT);
}

BT_CFUNC(bi_max) {
    return min_max(ip, args, nargs, kwnames, "max", RC_GT);
}

BT_CFUNC(bi_sorted) {
    static const char *const names[] = {"key", "reverse", NULL};
    static const rp_argspec spec = {"sort", names, 0, 0, 0};
    rc_object *kw[2];
    if (nargs != 1) {
        rp_raise(ip, ip->exc.TypeError, "sorted expected 1 argument, got %zu",
                 nargs);
        return NULL;
    }
    if (rp_parse_args(ip, &spec, args + 1, 0, kwnames, kw) < 0)
        return NULL;
    rc_object *list = bt_list_from(ip, args[0]);
    if (list && bt_sort_list(ip, list, kw[0], kw[1]) < 0) {
        rc_decref(list);
        return NULL;
    }
    return list;
}

/* any: stop at the first true item; all: at the first false one. */
static int truth_stop(rp_interp *ip, rc_object *item, void *want) {
    int t = rp_truth(ip, item);
    return t < 0 ? -1 : t == *(int *)want;
}

static rc_object *any_all(rp_interp *ip, rc_object *const *args, size_t nargs,
                          rc_object *kwnames, const char *name, int stop_on) {
    if (rp_check_args(ip, name, nargs, kwnames, 1, 1) < 0)
        return NULL;
    int r = bt_foreach(ip, args[0], truth_stop, &stop_on);
    if (r < 0)
        return NULL;
    return rp_new_ref(rp_bool(ip, r > 0 ? stop_on : !stop_on));
}

BT_CFUNC(bi_any) {
    return any_all(ip, args, nargs, kwnames, "any", 1);
}

BT_CFUNC(bi_all) {
    return any_all(ip, args, nargs, kwnames, "all", 0);
}

/* ====================================================================== */
/* chr, ord, bin, oct, hex, format                                        */
/* ====================================================================== */

BT_CFUNC(bi_chr) {
    ptrdiff_t c;
    if (rp_check_args(ip, "chr", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *v = bt_value(args[0]);
    if (rc_is_int(v)) {
        int64_t x;
        if (rc_int_to_i64(v, &x) < 0) {
            rp_err_clear(ip);
            rp_raise(ip, ip->exc.OverflowError,
                     "Python int too large to convert to C int");
            return NULL;
        }
        c = (ptrdiff_t)x;
    } else if (bt_index(ip, args[0], &c) < 0) {
        return NULL;
    }
    if (c < 0 || c > 0x10FFFF) {
        rp_raise(ip, ip->exc.ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
        rp_raise(ip, ip->exc.ValueError,
                 "chr() of a surrogate is not supported by rcpy (UTF-8 text)");
        return NULL;
    }
    bt_buf b;
    bt_buf_init(&b, ip);
    bt_buf_add_cp(&b, (uint32_t)c);
    return bt_buf_finish(&b);
}

BT_CFUNC(bi_ord) {
    if (rp_check_args(ip, "ord", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *s = bt_value(args[0]);
    if (!rc_is_str(s)) {
        rp_raise(ip, ip->exc.TypeError,
                 "ord() expected string of length 1, but %s found",
                 rp_tname(args[0]));
        return NULL;
    }
    if (rc_str_length(s) != 1) {
        rp_raise(ip, ip->exc.TypeError,
                 "ord() expected a character, but string of length %zu found",
                 rc_str_length(s));
        return NULL;
    }
    const char *p = rc_str_utf8(s);
    return rc_int_from_i64(ip->rt, bt_u8_next(&p));
}

/* bin/oct/hex: "-0x1f" from x.__index__(). */
static rc_object *int_text(rp_interp *ip, rc_object *const *args, size_t nargs,
                           rc_object *kwnames, const char *name, int base,
                           const char *prefix) {
    if (rp_check_args(ip, name, nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *v = bt_value(args[0]), *owned = NULL;
    if (!rc_is_int(v)) {
        bool found;
        owned = rp_call_special(ip, args[0], ip->s.index, NULL, 0, &found);
        if (!found)
            rp_raise(ip, ip->exc.TypeError,
                     "'%s' object cannot be interpreted as an integer",
                     rp_tname(args[0]));
        if (!owned)
            return NULL;
        if (!rc_is_int(bt_value(owned))) {
            rp_raise(ip, ip->exc.TypeError,
                     "__index__ returned non-int (type %s)", rp_tname(owned));
            rc_decref(owned);
            return NULL;
        }
        v = bt_value(owned);
    }
    rc_object *digits = rc_int_format(v, base);
    rc_object *r = NULL;
    if (digits) {
        const char *d = rc_str_utf8(digits);
        bool neg = d[0] == '-';
        r = rc_str_from_format(ip->rt, "%s%s%s", neg ? "-" : "", prefix,
                               d + neg);
        rc_decref(digits);
    }
    rc_xdecref(owned);
    return r;
}

BT_CFUNC(bi_bin) {
    return int_text(ip, args, nargs, kwnames, "bin", 2, "0b");
}

BT_CFUNC(bi_oct) {
    return int_text(ip, args, nargs, kwnames, "oct", 8, "0o");
}

BT_CFUNC(bi_hex) {
    return int_text(ip, args, nargs, kwnames, "hex", 16, "0x");
}

BT_CFUNC(bi_format) {
    if (rp_check_args(ip, "format", nargs, kwnames, 1, 2) < 0)
        return NULL;
    rc_object *spec = NULL;
    if (nargs > 1) {
        spec = bt_value(args[1]);
        if (!rc_is_str(spec)) {
            rp_raise(ip, ip->exc.TypeError,
                     "format() argument 2 must be str, not %s",
                     bt_arg_tname(ip, args[1]));
            return NULL;
        }
    }
    return rc_format(args[0], spec);
}

const rp_methoddef rp_bt_func_builtins[] = {
    {"abs", bi_abs, 0, "Return the absolute value of the argument."},
    {"divmod", bi_divmod, 0, "Return the tuple (x//y, x%y)."},
    {"pow", bi_pow, 0,
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 "
     "arguments"},
    {"round", bi_round, 0,
     "Round a number to a given precision in decimal digits."},
    {"sum", bi_sum, 0,
     "Return the sum of a 'start' value (default: 0) plus an iterable of "
     "numbers"},
    {"min", bi_min, 0,
     "With a single iterable argument, return its smallest "
     "item."},
    {"max", bi_max, 0,
     "With a single iterable argument, return its biggest "
     "item."},
    {"sorted", bi_sorted, 0,
     "Return a new list containing all items from the iterable in ascending "
     "order."},
    {"any", bi_any, 0,
     "Return True if bool(x) is True for any x in the iterable."},
    {"all", bi_all, 0,
     "Return True if bool(x) is True for all values x in the iterable."},
    {"chr", bi_chr, 0,
     "Return a Unicode string of one character with ordinal i; 0 <= i <= "
     "0x10ffff."},
    {"ord", bi_ord, 0,
     "Return the Unicode code point for a one-character "
     "string."},
    {"bin", bi_bin, 0, "Return the binary representation of an integer."},
    {"oct", bi_oct, 0, "Return the octal representation of an integer."},
    {"hex", bi_hex, 0, "Return the hexadecimal representation of an integer."},
    {"format", bi_format, 0, "Return value.__format__(format_spec)"},
    {NULL},
};
