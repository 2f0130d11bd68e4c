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

/* An integer argument (any size, through __index__): a new int. */
rc_object *bt_int_arg(rp_interp *ip, rc_object *o) {
    rc_object *v = bt_value(o);
    if (rc_is_int(v))
        return rc_is_bool(v) ? rc_int_from_i64(ip->rt, v == ip->true_)
                             : rp_new_ref(v);
    bool found;
    rc_object *r = rp_call_special(ip, o, ip->s.index, NULL, 0, &found);
    if (!found)
        rp_raise(ip, ip->exc.TypeError,
                 "'%s' object cannot be interpreted as an integer",
                 rp_tname(o));
    else if (r && !rc_is_int(bt_value(r))) {
        rp_raise(ip, ip->exc.TypeError, "__index__ returned non-int (type %s)",
                 rp_tname(r));
        rc_decref(r);
        return NULL;
    }
    return r;
}

static rc_object *range_new(rp_interp *ip, rp_class *cls,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    if (rp_check_args(ip, "range", nargs, NULL, 1, 3) < 0)
        return NULL;
    rc_object *v[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < nargs; i++)
        if (!(v[nargs == 1 ? 1 : i] = bt_int_arg(ip, args[i])))
            goto done;
    if (!v[0])
        v[0] = rc_int_from_i64(ip->rt, 0);
    if (!v[2])
        v[2] = rc_int_from_i64(ip->rt, 1);
    rc_object *r = bt_range_make(ip, v[0], v[1], v[2]);
    for (size_t i = 0; i < 3; i++)
        rc_xdecref(v[i]);
    return r;
done:
    for (size_t i = 0; i < 3; i++)
        rc_xdecref(v[i]);
    return NULL;
}

static rc_object *range_get(rp_interp *ip, rc_object *self, int which) {
    rc_object *p[3];
    if (bt_range_parts(ip, self, &p[0], &p[1], &p[2]) < 0)
        return NULL;
    for (int i = 0; i < 3; i++)
        if (i != which)
            rc_decref(p[i]);
    return p[which];
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

/* The position of v in the range: a new int, None when absent, NULL on
 * error. An int's is (v - start) // step; another value is looked for
 * with ==. */
static rc_object *range_find(rp_interp *ip, rc_object *self, rc_object *v) {
    rc_object *iv = bt_value(v);
    if (rc_is_int(iv)) {
        int in = rc_contains(self, iv);
        if (in <= 0)
            return in < 0 ? NULL : rp_new_ref(ip->none);
        rc_object *p[3];
        if (bt_range_parts(ip, self, &p[0], &p[1], &p[2]) < 0)
            return NULL;
        rc_object *d = rc_number_subtract(iv, p[0]);
        rc_object *q = d ? rc_number_floordiv(d, p[2]) : NULL;
        rc_xdecref(d), rc_decref(p[0]), rc_decref(p[1]), rc_decref(p[2]);
        return q;
    }
    find_state st = {v, 0};
    int r = bt_foreach(ip, self, stop_at_equal, &st);
    return r < 0   ? NULL
           : r > 0 ? rc_int_from_i64(ip->rt, st.i)
                   : rp_new_ref(ip->none);
}

BT_CFUNC(range_index) {
    if (rp_check_args(ip, "range.index", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *i = range_find(ip, self, args[0]);
    if (i == ip->none) {
        rc_decref(i);
        bt_raise_not_in(ip, args[0], "range");
        return NULL;
    }
    return i;
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

/* iter(range(last, start - step, -step)): the items in reverse. */
BT_CFUNC(range_reversed) {
    if (rp_check_args(ip, "range.__reversed__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *p[3];
    if (bt_range_parts(ip, self, &p[0], &p[1], &p[2]) < 0)
        return NULL;
    rc_object *last = NULL, *before = NULL, *back = NULL, *r = NULL;
    rc_object *minus1 = rc_int_from_i64(ip->rt, -1);
    rc_object *n = rc_getitem(self, minus1);
    rc_decref(minus1);
    if (n) {
        last = n;
        before = rc_number_subtract(p[0], p[2]);
        back = rc_number_negative(p[2]);
        r = before && back ? bt_range_make(ip, last, before, back) : NULL;
    } else if (rp_err_matches(ip, ip->exc.IndexError)) { /* empty */
        rp_err_clear(ip);
        r = rc_range_new(ip->rt, 0, 0, 1);
    }
    rc_object *it = r ? rc_iter(r) : NULL;
    rc_xdecref(r), rc_xdecref(last), rc_xdecref(before), rc_xdecref(back);
    rc_decref(p[0]), rc_decref(p[1]), rc_decref(p[2]);
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
        rp_class_add_getsets(ip, ip->cls.range, range_getsets) < 0 ||
        rp_bt_init_bigrange(ip) < 0)
        return -1;
    return rp_class_add_getsets(ip, ip->cls.slice, slice_getsets);
}
