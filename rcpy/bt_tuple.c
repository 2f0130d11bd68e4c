/*
 * bt_tuple.c — the class tuple (tuple(iterable), count, index) and the
 * searching helpers list and tuple share (bt_seq_find, bt_seq_count).
 *
 * Tuples are rcgc's (the empty one a singleton, small ones from free
 * lists); + * [] == < hash come from the library's slots. Invariant of the
 * helpers: an item is held with a reference of its own while == runs, so
 * a list that changes under the comparison cannot free it.
 */
#include "btypes.h"

/* ====================================================================== */
/* Searching lists and tuples                                             */
/* ====================================================================== */

size_t bt_seq_size(const rc_object *seq) {
    return rc_is_list(seq) ? rc_list_size(seq) : rc_tuple_size(seq);
}

rc_object *bt_seq_item(const rc_object *seq, size_t i) {
    return rc_is_list(seq) ? rc_list_get(seq, (ptrdiff_t)i)
                           : rc_tuple_get(seq, i);
}

int bt_seq_bound(rp_interp *ip, rc_object *o, ptrdiff_t *out) {
    return bt_clamped_index(ip, o, out,
                            "slice indices must be integers or have an "
                            "__index__ method");
}

/* item == v with the item held meanwhile: 1, 0, negative. */
static int item_equals(rc_object *seq, size_t i, rc_object *v) {
    rc_object *item = bt_seq_item(seq, i);
    rc_incref(item);
    int r = rc_equal(item, v);
    rc_decref(item);
    return r;
}

ptrdiff_t bt_seq_find(rp_interp *ip, rc_object *seq, rc_object *v,
                      ptrdiff_t start, ptrdiff_t stop) {
    bt_adjust_range((ptrdiff_t)bt_seq_size(seq), &start, &stop);
    for (ptrdiff_t i = start; i < stop && (size_t)i < bt_seq_size(seq); i++) {
        int r = item_equals(seq, (size_t)i, v);
        if (r != 0)
            return r > 0 ? i : -2;
    }
    return -1;
}

ptrdiff_t bt_seq_count(rp_interp *ip, rc_object *seq, rc_object *v) {
    ptrdiff_t n = 0;
    for (size_t i = 0; i < bt_seq_size(seq); i++) {
        int r = item_equals(seq, i, v);
        if (r < 0)
            return -1;
        n += r;
    }
    return n;
}

/* ====================================================================== */
/* tuple                                                                  */
/* ====================================================================== */

static rc_object *tuple_new(rp_interp *ip, rp_class *cls,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "tuple() takes no keyword arguments");
        return NULL;
    }
    if (rp_check_args(ip, "tuple", nargs, NULL, 0, 1) < 0)
        return NULL;
    if (!nargs)
        return rc_tuple_new(ip->rt, 0);
    return bt_tuple_from(ip, args[0]);
}

BT_CFUNC(tuple_count) {
    if (rp_check_args(ip, "tuple.count", nargs, kwnames, 1, 1) < 0)
        return NULL;
    ptrdiff_t n = bt_seq_count(ip, self, args[0]);
    return n < 0 ? NULL : rc_int_from_i64(ip->rt, n);
}

int bt_raise_not_in(rp_interp *ip, rc_object *v, const char *kind) {
    rc_object *r = rc_repr(v);
    if (!r)
        return -1;
    int st = rp_raise(ip, ip->exc.ValueError, "%s is not in %s", rc_str_utf8(r),
                      kind);
    rc_decref(r);
    return st;
}

rc_object *bt_seq_index(rp_interp *ip, rc_object *seq, rc_object *const *args,
                        size_t nargs, rc_object *kwnames) {
    ptrdiff_t start = 0, stop = PTRDIFF_MAX;
    if (rp_check_args(ip, "index", nargs, kwnames, 1, 3) < 0 ||
        (nargs > 1 && bt_seq_bound(ip, args[1], &start) < 0) ||
        (nargs > 2 && bt_seq_bound(ip, args[2], &stop) < 0))
        return NULL;
    ptrdiff_t i = bt_seq_find(ip, seq, args[0], start, stop);
    if (i == -1 && rc_is_list(seq))
        bt_raise_not_in(ip, args[0], "list");
    else if (i == -1)
        rp_raise(ip, ip->exc.ValueError, "tuple.index(x): x not in tuple");
    return i < 0 ? NULL : rc_int_from_i64(ip->rt, i);
}

BT_CFUNC(tuple_index) {
    return bt_seq_index(ip, self, args, nargs, kwnames);
}

BT_CFUNC(tuple_getnewargs) {
    if (rp_check_args(ip, "tuple.__getnewargs__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_tuple_pack(ip->rt, 1, self);
}

static const rp_methoddef tuple_methods[] = {
    {"count", tuple_count, 0, "Return number of occurrences of value."},
    {"index", tuple_index, 0, "Return first index of value."},
    {"__getnewargs__", tuple_getnewargs, 0, NULL},
    {NULL},
};

int rp_bt_init_tuple(rp_interp *ip) {
    rc_object *t = rc_tuple_new(ip->rt, 0);
    if (!t)
        return -1;
    const rc_type *type = t->type;
    rc_decref(t);
    ip->cls.tuple = rp_class_new_builtin(ip, "tuple", type, NULL, tuple_methods,
                                         tuple_new, RP_CLS_BASETYPE);
    return ip->cls.tuple ? 0 : -1;
}
