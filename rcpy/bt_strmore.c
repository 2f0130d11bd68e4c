/*
 * bt_strmore.c — the rest of str's methods: partition and rpartition,
 * expandtabs, and the translation pair maketrans/translate (tables are
 * mappings from code points to code points, strs or None, looked up with
 * the table's own __getitem__ as CPython does).
 */
#include "btypes.h"

#include <stdio.h>
#include <string.h>

/* ====================================================================== */
/* partition, rpartition                                                  */
/* ====================================================================== */

static rc_object *partition(rp_interp *ip, rc_object *self,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames, const char *name,
                            bool reverse) {
    rc_object *sep = bt_str_arg1(ip, name, args, nargs, kwnames, "");
    if (!sep)
        return NULL;
    if (rc_str_length(sep) == 0) {
        rp_raise(ip, ip->exc.ValueError, "empty separator");
        return NULL;
    }
    ptrdiff_t n = (ptrdiff_t)rc_str_length(self);
    ptrdiff_t i = reverse ? rc_str_rfind(self, sep, 0, PTRDIFF_MAX)
                          : rc_str_find(self, sep, 0, PTRDIFF_MAX);
    if (i < -1)
        return NULL;
    if (i < 0)
        return reverse
                   ? rc_tuple_pack(ip->rt, 3, ip->s.empty, ip->s.empty, self)
                   : rc_tuple_pack(ip->rt, 3, self, ip->s.empty, ip->s.empty);
    rc_object *head = rc_str_slice(self, 0, i, 1);
    rc_object *tail =
        rc_str_slice(self, i + (ptrdiff_t)rc_str_length(sep), n, 1);
    rc_object *t =
        head && tail ? rc_tuple_pack(ip->rt, 3, head, sep, tail) : NULL;
    rc_xdecref(head);
    rc_xdecref(tail);
    return t;
}

BT_CFUNC(str_partition) {
    return partition(ip, self, args, nargs, kwnames, "partition", false);
}

BT_CFUNC(str_rpartition) {
    return partition(ip, self, args, nargs, kwnames, "rpartition", true);
}

/* ====================================================================== */
/* expandtabs                                                             */
/* ====================================================================== */

BT_CFUNC(str_expandtabs) {
    static const char *const names[] = {"tabsize", NULL};
    static const rp_argspec spec = {"expandtabs", names, 0, 1, 0};
    rc_object *a[1];
    ptrdiff_t tab = 8;
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0 ||
        (a[0] && bt_index(ip, a[0], &tab) < 0))
        return NULL;
    const char *p = rc_str_utf8(self), *end = p + rc_str_size(self);
    if (!memchr(p, '\t', rc_str_size(self)))
        return rp_new_ref(self);
    bt_buf b;
    bt_buf_init(&b, ip);
    ptrdiff_t col = 0;
    while (p < end) {
        uint32_t c = bt_u8_next(&p);
        if (c == '\t') {
            ptrdiff_t n = tab > 0 ? tab - col % tab : 0;
            for (ptrdiff_t i = 0; i < n; i++)
                bt_buf_add(&b, " ", 1);
            col += n;
        } else {
            bt_buf_add_cp(&b, c);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
    }
    return bt_buf_finish(&b);
}

/* ====================================================================== */
/* maketrans                                                              */
/* ====================================================================== */

static rc_object *ord_of(rp_interp *ip, rc_object *one_char) {
    const char *p = rc_str_utf8(one_char);
    return rc_int_from_i64(ip->rt, bt_u8_next(&p));
}

/* Stores d[ord(k)] = v (k a one-character str) or d[k] = v (k an int). */
static int table_put(rp_interp *ip, rc_object *d, rc_object *k, rc_object *v) {
    rc_object *kv = bt_value(k);
    if (rc_is_int(kv))
        return rc_dict_setitem(d, kv, v);
    if (!rc_is_str(kv))
        return rp_raise(ip, ip->exc.TypeError,
                        "keys in translate table must be strings or "
                        "integers");
    if (rc_str_length(kv) != 1)
        return rp_raise(ip, ip->exc.ValueError,
                        "string keys in translate table must be of length 1");
    rc_object *o = ord_of(ip, kv);
    int r = o ? rc_dict_setitem(d, o, v) : -1;
    rc_xdecref(o);
    return r;
}

static rc_object *table_from_dict(rp_interp *ip, rc_object *map) {
    rc_object *d = rc_dict_new(ip->rt);
    size_t pos = 0;
    rc_object *k, *v;
    while (d && rc_dict_next(map, &pos, &k, &v))
        if (table_put(ip, d, k, v) < 0) {
            rc_decref(d);
            return NULL;
        }
    return d;
}

/* Maps each character of x to the one at the same place in y, and each
 * of z to None. */
static rc_object *table_from_strs(rp_interp *ip, rc_object *x, rc_object *y,
                                  rc_object *z) {
    if (rc_str_length(x) != rc_str_length(y)) {
        rp_raise(ip, ip->exc.ValueError,
                 "the first two maketrans arguments must have equal length");
        return NULL;
    }
    rc_object *d = rc_dict_new(ip->rt);
    const char *px = rc_str_utf8(x), *py = rc_str_utf8(y);
    const char *pz = z ? rc_str_utf8(z) : "",
               *ez = pz + (z ? rc_str_size(z) : 0);
    int r = d ? 0 : -1;
    for (size_t i = 0; r == 0 && i < rc_str_length(x); i++) {
        rc_object *a = rc_int_from_i64(ip->rt, bt_u8_next(&px));
        rc_object *b = rc_int_from_i64(ip->rt, bt_u8_next(&py));
        r = a && b ? rc_dict_setitem(d, a, b) : -1;
        rc_xdecref(a);
        rc_xdecref(b);
    }
    while (r == 0 && pz < ez) {
        rc_object *a = rc_int_from_i64(ip->rt, bt_u8_next(&pz));
        r = a ? rc_dict_setitem(d, a, ip->none) : -1;
        rc_xdecref(a);
    }
    if (r < 0)
        rc_xdecref(d);
    return r < 0 ? NULL : d;
}

BT_CFUNC(str_maketrans) {
    if (rp_check_args(ip, "maketrans", nargs, kwnames, 1, 3) < 0)
        return NULL;
    if (nargs == 1) {
        rc_object *m = bt_value(args[0]);
        if (!rc_is_dict(m)) {
            rp_raise(ip, ip->exc.TypeError,
                     "if you give only one argument to maketrans it must be a "
                     "dict");
            return NULL;
        }
        return table_from_dict(ip, m);
    }
    for (size_t i = 1; i < nargs; i++) /* y and z first, as CPython's parser */
        if (!rc_is_str(bt_value(args[i]))) {
            rp_raise(ip, ip->exc.TypeError,
                     "maketrans() argument %zu must be str, not %s", i + 1,
                     bt_arg_tname(ip, args[i]));
            return NULL;
        }
    if (!rc_is_str(bt_value(args[0]))) {
        rp_raise(ip, ip->exc.TypeError,
                 "first maketrans argument must be a "
                 "string if there is a second argument");
        return NULL;
    }
    return table_from_strs(ip, bt_value(args[0]), bt_value(args[1]),
                           nargs > 2 ? bt_value(args[2]) : NULL);
}

/* ====================================================================== */
/* translate                                                              */
/* ====================================================================== */

/* Appends what table maps c to: 0, or negative with an exception. */
static int translate_char(rp_interp *ip, rc_object *table, uint32_t c,
                          bt_buf *b) {
    rc_object *key = rc_int_from_i64(ip->rt, c);
    rc_object *v = key ? rc_getitem(table, key) : NULL;
    rc_xdecref(key);
    if (!v) {
        if (!rp_err_matches(ip, ip->exc.LookupError))
            return -1;
        rp_err_clear(ip);
        bt_buf_add_cp(b, c);
        return 0;
    }
    rc_object *vv = bt_value(v);
    int r = 0;
    int64_t cp;
    if (vv == ip->none) {
    } else if (rc_is_str(vv)) {
        bt_buf_add_str(b, vv);
    } else if (rc_is_int(vv)) {
        if (rc_int_to_i64(vv, &cp) < 0 || cp < 0 || cp > 0x10FFFF) {
            rp_err_clear(ip);
            r = rp_raise(ip, ip->exc.ValueError,
                         "character mapping must be in range(0x110000)");
        } else {
            bt_buf_add_cp(b, (uint32_t)cp);
        }
    } else {
        r = rp_raise(ip, ip->exc.TypeError,
                     "character mapping must return integer, None or str");
    }
    rc_decref(v);
    return r;
}

BT_CFUNC(str_translate) {
    if (rp_check_args(ip, "str.translate", nargs, kwnames, 1, 1) < 0)
        return NULL;
    bt_buf b;
    bt_buf_init(&b, ip);
    const char *p = rc_str_utf8(self), *end = p + rc_str_size(self);
    while (p < end)
        if (translate_char(ip, args[0], bt_u8_next(&p), &b) < 0) {
            bt_buf_free(&b);
            return NULL;
        }
    return bt_buf_finish(&b);
}

const rp_methoddef rp_bt_str_more_methods[] = {
    {"partition", str_partition, 0,
     "Partition the string into three parts using the given separator."},
    {"rpartition", str_rpartition, 0,
     "Partition the string into three parts using the given separator."},
    {"expandtabs", str_expandtabs, 0,
     "Return a copy where all tab characters are expanded using spaces."},
    {"maketrans", str_maketrans, RP_METH_STATIC,
     "Return a translation table usable for str.translate()."},
    {"translate", str_translate, 0,
     "Replace each character in the string using the given translation "
     "table."},
    {NULL},
};
