/*
 * bt_range.c — the classes range and slice: range(stop) / range(start,
 * stop[, step]) with start/stop/step attributes, count, index and
 * __reversed__; slice(...) with start/stop/step and indices().
 *
 * Both are rcgc's objects (ranges have int64 bounds); len, [], in, ==,
 * hash and iteration are the library's slots. The attributes are read
 * through rc_range_bounds and rc_slice_parts.
 */
#include "btypes.h"

/* ====================================================================== */
/* range                                                                  */
/* ====================================================================== */

static rc_object *range_new(rp_interp *ip, rp_class *cls,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    if (rp_check_args(ip, "range", nargs, NULL, 1, 3) < 0)
        return NULL;
    ptrdiff_t v[3] = {0, 0, 1};
    for (size_t i = 0; i < nargs; i++)
        if (bt_index(ip, args[i], &v[nargs == 1 ? 1 : i]) < 0)
            return NULL;
    return rc_range_new(ip->rt, v[0], v[1], v[2]);
}

static rc_object *range_get(rp_interp *ip, rc_object *self, int which) {
    int64_t b[3];
    rc_range_bounds(self, &b[0], &b[1], &b[2]);
    return rc_int_from_i64(ip->rt, b[which]);
}

static rc_object *range_start(rp_interp *ip, rc_object *self) {
    return range_get(ip, self, 0);
}

static rc_object *range_stop(rp_interp *ip, rc_object *self) {
    return range_get(ip, self, 1);
}

static rc_object *range_step(rp_interp *ip, rc_object *self) {
    return range_get(ip, self, 2);
}

static const rp_getsetdef range_getsets[] = {
    {"start", range_start, NULL, NULL},
    {"stop", range_stop, NULL, NULL},
    {"step", range_step, NULL, NULL},
    {NULL},
};

typedef struct find_state {
    rc_object *value;
    ptrdiff_t i; /* items looked at */
} find_state;

static int stop_at_equal(rp_interp *ip, rc_object *item, void *arg) {
    find_state *st = arg;
    int r = rc_equal(item, st->value);
    if (r == 0)
        st->i++;
    return r;
}

/* The position of v in the range: >= 0, -1 when absent, < -1 on error. */
static ptrdiff_t range_find(rp_interp *ip, rc_object *self, rc_object *v) {
    rc_object *iv = bt_value(v);
    if (rc_is_int(iv)) {
        int in = rc_contains(self, iv);
        if (in <= 0)
            return in < 0 ? -2 : -1;
        int64_t b[3], x;
        rc_range_bounds(self, &b[0], &b[1], &b[2]);
        rc_int_to_i64(iv, &x);
        return (ptrdiff_t)(((uint64_t)x - (uint64_t)b[0]) /
                           (b[2] > 0 ? (uint64_t)b[2] : 0 - (uint64_t)b[2]));
    }
    find_state st = {v, 0};
    int r = bt_foreach(ip, self, stop_at_equal, &st);
    return r < 0 ? -2 : r > 0 ? st.i : -1;
}

BT_CFUNC(range_index) {
    if (rp_check_args(ip, "range.index", nargs, kwnames, 1, 1) < 0)
        return NULL;
    ptrdiff_t i = range_find(ip, self, args[0]);
    if (i == -1)
        bt_raise_not_in(ip, args[0], "range");
    return i < 0 ? NULL : rc_int_from_i64(ip->rt, i);
}

static int count_equal(rp_interp *ip, rc_object *item, void *arg) {
    rc_object **st = arg; /* the value, then a counter int */
    int r = rc_equal(item, st[0]);
    if (r > 0)
        (*(ptrdiff_t *)st[1])++;
    return r < 0 ? -1 : 0;
}

BT_CFUNC(range_count) {
    if (rp_check_args(ip, "range.count", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (rc_is_int(bt_value(args[0]))) {
        int in = rc_contains(self, bt_value(args[0]));
        return in < 0 ? NULL : rc_int_from_i64(ip->rt, in);
    }
    ptrdiff_t n = 0;
    rc_object *st[2] = {args[0], (rc_object *)&n};
    if (bt_foreach(ip, self, count_equal, st) < 0)
        return NULL;
    return rc_int_from_i64(ip->rt, n);
}

BT_CFUNC(range_reversed) {
    if (rp_check_args(ip, "range.__reversed__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    int64_t start, stop, step;
    rc_range_bounds(self, &start, &stop, &step);
    ptrdiff_t n = rc_len(self);
    int64_t last = start + (int64_t)(n - 1) * step;
    rc_object *r = n ? rc_range_new(ip->rt, last, start - step, -step)
                     : rc_range_new(ip->rt, 0, 0, 1);
    rc_object *it = r ? rc_iter(r) : NULL;
    rc_xdecref(r);
    return it;
}

static const rp_methoddef range_methods[] = {
    {"index", range_index, 0,
     "rangeobject.index(value) -> integer -- return index of value."},
    {"count", range_count, 0,
     "rangeobject.count(value) -> integer -- return number of occurrences "
     "of value"},
    {"__reversed__", range_reversed, 0, "Return a reverse iterator."},
    {NULL},
};

/* ====================================================================== */
/* slice                                                                  */
/* ====================================================================== */

static rc_object *slice_new(rp_interp *ip, rp_class *cls,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "slice() takes no keyword arguments");
        return NULL;
    }
    if (rp_check_args(ip, "slice", nargs, NULL, 1, 3) < 0)
        return NULL;
    if (nargs == 1)
        return rc_slice_new(ip->rt, NULL, args[0], NULL);
    return rc_slice_new(ip->rt, args[0], args[1], nargs > 2 ? args[2] : NULL);
}

static rc_object *slice_get(rc_object *self, int which) {
    rc_object *p[3];
    rc_slice_parts(self, &p[0], &p[1], &p[2]);
    return rp_new_ref(p[which]);
}

static rc_object *slice_start(rp_interp *ip, rc_object *self) {
    return slice_get(self, 0);
}

static rc_object *slice_stop(rp_interp *ip, rc_object *self) {
    return slice_get(self, 1);
}

static rc_object *slice_step(rp_interp *ip, rc_object *self) {
    return slice_get(self, 2);
}

static const rp_getsetdef slice_getsets[] = {
    {"start", slice_start, NULL, NULL},
    {"stop", slice_stop, NULL, NULL},
    {"step", slice_step, NULL, NULL},
    {NULL},
};

BT_CFUNC(slice_indices) {
    ptrdiff_t len, a, b, c;
    if (rp_check_args(ip, "slice.indices", nargs, kwnames, 1, 1) < 0 ||
        bt_index(ip, args[0], &len) < 0)
        return NULL;
    if (len < 0) {
        rp_raise(ip, ip->exc.ValueError, "length should not be negative");
        return NULL;
    }
    if (rc_slice_indices(self, (size_t)len, &a, &b, &c) < 0)
        return NULL;
    rc_object *t = rc_tuple_new(ip->rt, 3);
    ptrdiff_t v[3] = {a, b, c};
    for (size_t i = 0; t && i < 3; i++) {
        rc_object *x = rc_int_from_i64(ip->rt, v[i]);
        if (!x) {
            rc_decref(t);
            return NULL;
        }
        rc_tuple_init_item(t, i, x);
    }
    return t;
}

static const rp_methoddef slice_methods[] = {
    {"indices", slice_indices, 0, "S.indices(len) -> (start, stop, stride)"},
    {NULL},
};

int rp_bt_init_range(rp_interp *ip) {
    rc_object *r = rc_range_new(ip->rt, 0, 0, 1);
    rc_object *s = r ? rc_slice_new(ip->rt, NULL, NULL, NULL) : NULL;
    if (s) {
        ip->cls.range = rp_class_new_builtin(ip, "range", r->type, NULL,
                                             range_methods, range_new, 0);
        ip->cls.slice = rp_class_new_builtin(ip, "slice", s->type, NULL,
                                             slice_methods, slice_new, 0);
    }
    rc_xdecref(r);
    rc_xdecref(s);
    if (!ip->cls.range || !ip->cls.slice ||
        rp_class_add_getsets(ip, ip->cls.range, range_getsets) < 0)
        return -1;
    return rp_class_add_getsets(ip, ip->cls.slice, slice_getsets);
}
