/*
 * bt_bigrange.c — ranges whose bounds do not fit rcgc's int64 range:
 * range(10 ** 20) is an object of this file's own rc_type, registered as
 * a second type of the class range (type() and isinstance() cannot tell),
 * with Python's semantics on arbitrary-precision ints: repr, ==, hash,
 * len (OverflowError when it exceeds a C ssize_t, as CPython's), items,
 * slices, `in`, iteration (longrange_iterator) and the class's methods
 * through bt_range_parts.
 *
 * Invariant: start, stop, step and len are ints (step != 0), len =
 * max(0, ceil((stop - start) / step)); the object holds only ints, so it
 * is not a GC type.
 */
#include "btypes.h"

#include <string.h>

typedef struct bigrange {
    rc_object ob;
    rc_object *start, *stop, *step, *len; /* ints, owned */
} bigrange;

#define BR(o) ((bigrange *)(o))

/* a <op> b on ints, releasing nothing; NULL on error. */
#define ADD rc_number_add
#define SUB rc_number_subtract
#define MUL rc_number_multiply

static void bigrange_dealloc(rc_object *self) {
    rc_xdecref(BR(self)->start);
    rc_xdecref(BR(self)->stop);
    rc_xdecref(BR(self)->step);
    rc_xdecref(BR(self)->len);
}

static int sign(rc_object *i) {
    return rc_int_sign(i);
}

/* The length of range(start, stop, step): a new int. */
static rc_object *length(rp_interp *ip, rc_object *start, rc_object *stop,
                         rc_object *step) {
    int s = sign(step);
    rc_object *lo = s > 0 ? start : stop, *hi = s > 0 ? stop : start;
    if (rc_compare(lo, hi, RC_GE) > 0)
        return rc_int_from_i64(ip->rt, 0);
    /* (hi - lo - 1) // |step| + 1 */
    rc_object *one = rc_int_from_i64(ip->rt, 1);
    rc_object *d = SUB(hi, lo), *d1 = d ? SUB(d, one) : NULL;
    rc_object *as = rc_number_absolute(step);
    rc_object *q = d1 && as ? rc_number_floordiv(d1, as) : NULL;
    rc_object *n = q ? ADD(q, one) : NULL;
    rc_xdecref(d), rc_xdecref(d1), rc_xdecref(as), rc_xdecref(q);
    rc_decref(one);
    return n;
}

static const rc_type bigrange_type;

/* A range of any bounds (ints, steals nothing): rcgc's when they fit. */
rc_object *bt_range_make(rp_interp *ip, rc_object *start, rc_object *stop,
                         rc_object *step) {
    int64_t a, b, c;
    if (sign(step) == 0) {
        rp_raise(ip, ip->exc.ValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    if (rc_int_to_i64(start, &a) == 0 && rc_int_to_i64(stop, &b) == 0 &&
        rc_int_to_i64(step, &c) == 0)
        return rc_range_new(ip->rt, a, b, c);
    rp_err_clear(ip);
    rc_object *len = length(ip, start, stop, step);
    bigrange *r = len ? (bigrange *)rc_new(ip->rt, &bigrange_type) : NULL;
    if (!r) {
        rc_xdecref(len);
        return NULL;
    }
    r->start = rp_new_ref(start);
    r->stop = rp_new_ref(stop);
    r->step = rp_new_ref(step);
    r->len = len;
    return &r->ob;
}

int bt_range_parts(rp_interp *ip, rc_object *range, rc_object **start,
                   rc_object **stop, rc_object **step) {
    if (range->type == &bigrange_type) {
        *start = rp_new_ref(BR(range)->start);
        *stop = rp_new_ref(BR(range)->stop);
        *step = rp_new_ref(BR(range)->step);
        return 0;
    }
    int64_t a, b, c;
    rc_range_bounds(range, &a, &b, &c);
    *start = rc_int_from_i64(ip->rt, a);
    *stop = rc_int_from_i64(ip->rt, b);
    *step = rc_int_from_i64(ip->rt, c);
    if (*start && *stop && *step)
        return 0;
    rc_xdecref(*start), rc_xdecref(*stop), rc_xdecref(*step);
    return -1;
}

/* ====================================================================== */
/* The protocol                                                           */
/* ====================================================================== */

static rc_object *bigrange_repr(rc_object *self) {
    bigrange *r = BR(self);
    rc_object *a = rc_repr(r->start), *b = a ? rc_repr(r->stop) : NULL;
    rc_object *c = b ? rc_repr(r->step) : NULL;
    rc_object *s = NULL;
    if (c) {
        bool unit = strcmp(rc_str_utf8(c), "1") == 0;
        s = rc_str_from_format(rc_runtime_of(self), "range(%s, %s%s%s)",
                               rc_str_utf8(a), rc_str_utf8(b), unit ? "" : ", ",
                               unit ? "" : rc_str_utf8(c));
    }
    rc_xdecref(a), rc_xdecref(b), rc_xdecref(c);
    return s;
}

static ptrdiff_t bigrange_len(rc_object *self) {
    int64_t n;
    if (rc_int_to_i64(BR(self)->len, &n) < 0)
        return rc_set_error(rc_runtime_of(self), RC_EOVERFLOW,
                            "Python int too large to convert to C ssize_t");
    return (ptrdiff_t)n;
}

static int bigrange_truth(rc_object *self) {
    return sign(BR(self)->len) != 0;
}

/* start + i * step for an index i already inside [0, len). */
static rc_object *item_at(rc_object *self, rc_object *i) {
    rc_object *off = MUL(i, BR(self)->step);
    rc_object *v = off ? ADD(BR(self)->start, off) : NULL;
    rc_xdecref(off);
    return v;
}

/* A slice bound adjusted as slice.indices adjusts it, for length len. */
static rc_object *slice_bound(rp_interp *ip, rc_object *x, rc_object *len,
                              rc_object *lower, rc_object *upper,
                              rc_object *dflt) {
    if (x == ip->none)
        return rp_new_ref(dflt);
    rc_object *v = bt_value(x);
    if (!rc_is_int(v)) {
        rp_raise(ip, ip->exc.TypeError,
                 "slice indices must be integers or None or have an "
                 "__index__ method");
        return NULL;
    }
    rc_object *i = sign(v) < 0 ? ADD(v, len) : rp_new_ref(v);
    if (i && rc_compare(i, lower, RC_LT) > 0) {
        rc_decref(i);
        i = rp_new_ref(lower);
    } else if (i && rc_compare(i, upper, RC_GT) > 0) {
        rc_decref(i);
        i = rp_new_ref(upper);
    }
    return i;
}

static rc_object *bigrange_slice(rp_interp *ip, rc_object *self,
                                 rc_object *slice) {
    rc_object *p[3], *len = BR(self)->len;
    rc_slice_parts(slice, &p[0], &p[1], &p[2]);
    rc_object *step = p[2] == ip->none ? rc_int_from_i64(ip->rt, 1)
                                       : rp_new_ref(bt_value(p[2]));
    if (!step || !rc_is_int(step) || sign(step) == 0) {
        if (step && sign(step) == 0 && rc_is_int(step))
            rp_raise(ip, ip->exc.ValueError, "slice step cannot be zero");
        else if (step)
            rp_raise(ip, ip->exc.TypeError,
                     "slice indices must be integers "
                     "or None or have an __index__ "
                     "method");
        rc_xdecref(step);
        return NULL;
    }
    rc_object *m1 = rc_int_from_i64(ip->rt, -1);
    rc_object *zero = rc_int_from_i64(ip->rt, 0);
    rc_object *lm1 = ADD(len, m1);
    bool neg = sign(step) < 0;
    rc_object *lower = neg ? m1 : zero, *upper = neg ? lm1 : len;
    rc_object *a =
        lm1 ? slice_bound(ip, p[0], len, lower, upper, neg ? upper : lower)
            : NULL;
    rc_object *b =
        a ? slice_bound(ip, p[1], len, lower, upper, neg ? lower : upper)
          : NULL;
    rc_object *r = NULL;
    if (b) {
        rc_object *sa = item_at(self, a), *sb = item_at(self, b);
        rc_object *ss = MUL(BR(self)->step, step);
        r = sa && sb && ss ? bt_range_make(ip, sa, sb, ss) : NULL;
        rc_xdecref(sa), rc_xdecref(sb), rc_xdecref(ss);
    }
    rc_xdecref(a), rc_xdecref(b), rc_xdecref(lm1);
    rc_decref(m1), rc_decref(zero), rc_decref(step);
    return r;
}

static rc_object *bigrange_getitem(rc_object *self, rc_object *key) {
    rp_interp *ip = rp_interp_of(self);
    if (rc_is_slice(key))
        return bigrange_slice(ip, self, key);
    rc_object *k = bt_value(key);
    if (!rc_is_int(k)) {
        rp_raise(ip, ip->exc.TypeError,
                 "range indices must be integers or slices, not %s",
                 rp_tname(key));
        return NULL;
    }
    rc_object *i = sign(k) < 0 ? ADD(k, BR(self)->len) : rp_new_ref(k);
    if (i && (sign(i) < 0 || rc_compare(i, BR(self)->len, RC_GE) > 0)) {
        rc_decref(i);
        rp_raise(ip, ip->exc.IndexError, "range object index out of range");
        return NULL;
    }
    rc_object *v = i ? item_at(self, i) : NULL;
    rc_xdecref(i);
    return v;
}

static int bigrange_contains(rc_object *self, rc_object *x) {
    bigrange *r = BR(self);
    rc_object *v = bt_value(x);
    if (!rc_is_int(v)) { /* == with each item would never end: compare */
        rp_interp *ip = rp_interp_of(self);
        double d;
        if (!rc_is_float(v) || rc_number_as_double(v, &d) < 0 ||
            d != (int64_t)d)
            return 0;
        rc_object *i = rc_int_from_double(ip->rt, d);
        int in = i ? bigrange_contains(self, i) : -1;
        rc_xdecref(i);
        return in;
    }
    bool up = sign(r->step) > 0;
    if (rc_compare(v, r->start, up ? RC_LT : RC_GT) > 0 ||
        rc_compare(v, r->stop, up ? RC_GE : RC_LE) > 0)
        return 0;
    rc_object *d = SUB(v, r->start),
              *m = d ? rc_number_remainder(d, r->step) : NULL;
    int in = m ? sign(m) == 0 : -1;
    rc_xdecref(d), rc_xdecref(m);
    return in;
}

/* ====================================================================== */
/* Iteration                                                              */
/* ====================================================================== */

typedef struct bigrange_iter {
    rc_object ob;
    rc_object *next, *step, *left; /* ints, owned */
} bigrange_iter;

static void bigiter_dealloc(rc_object *self) {
    bigrange_iter *it = (bigrange_iter *)self;
    rc_xdecref(it->next), rc_xdecref(it->step), rc_xdecref(it->left);
}

static rc_object *iter_self(rc_object *self) {
    return rp_new_ref(self);
}

static int bigiter_next(rc_object *self, rc_object **item) {
    bigrange_iter *it = (bigrange_iter *)self;
    if (sign(it->left) <= 0)
        return 0;
    rc_object *one = rc_int_from_i64(rc_runtime_of(self), 1);
    rc_object *n = ADD(it->next, it->step), *l = SUB(it->left, one);
    rc_decref(one);
    if (!n || !l) {
        rc_xdecref(n), rc_xdecref(l);
        return -1;
    }
    *item = it->next;
    it->next = n;
    rc_decref(it->left);
    it->left = l;
    return 1;
}

static const rc_protocol bigiter_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .iter = iter_self,
    .next = bigiter_next,
};

static const rc_type bigiter_type = {
    .name = "longrange_iterator",
    .basicsize = sizeof(bigrange_iter),
    .dealloc = bigiter_dealloc,
    .protocol = &bigiter_protocol,
};

static rc_object *bigrange_iter_of(rc_object *self) {
    bigrange_iter *it =
        (bigrange_iter *)rc_new(rc_runtime_of(self), &bigiter_type);
    if (!it)
        return NULL;
    it->next = rp_new_ref(BR(self)->start);
    it->step = rp_new_ref(BR(self)->step);
    it->left = rp_new_ref(BR(self)->len);
    return &it->ob;
}

/* ====================================================================== */
/* Comparison and hashing (with rcgc's ranges too)                        */
/* ====================================================================== */

/* (len, start or None, step or None): what equality and hash look at. */
static rc_object *range_key(rp_interp *ip, rc_object *r) {
    rc_object *a, *b, *c;
    if (bt_range_parts(ip, r, &a, &b, &c) < 0)
        return NULL;
    rc_object *len = length(ip, a, b, c), *key = NULL;
    if (len) {
        rc_object *one = rc_int_from_i64(ip->rt, 1);
        bool empty = sign(len) == 0;
        bool single = !empty && rc_compare(len, one, RC_EQ) > 0;
        key = rc_tuple_pack(ip->rt, 3, len, empty ? ip->none : a,
                            empty || single ? ip->none : c);
        rc_decref(one);
    }
    rc_xdecref(len), rc_decref(a), rc_decref(b), rc_decref(c);
    return key;
}

static rc_object *bigrange_richcompare(rc_object *self, rc_object *other,
                                       rc_cmp op) {
    rp_interp *ip = rp_interp_of(self);
    if ((op != RC_EQ && op != RC_NE) ||
        (other->type != &bigrange_type && !rc_is_range(other)))
        return rc_notimplemented(ip->rt);
    rc_object *a = range_key(ip, self), *b = a ? range_key(ip, other) : NULL;
    int eq = b ? rc_equal(a, b) : -1;
    rc_xdecref(a), rc_xdecref(b);
    return eq < 0 ? NULL : rp_new_ref(rp_bool(ip, (eq > 0) == (op == RC_EQ)));
}

static int bigrange_hash(rc_object *self, int64_t *out) {
    rc_object *key = range_key(rp_interp_of(self), self);
    int r = key ? rc_hash(key, out) : -1;
    rc_xdecref(key);
    return r;
}

static const rc_protocol bigrange_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = bigrange_repr,
    .hash = bigrange_hash,
    .richcompare = bigrange_richcompare,
    .truth = bigrange_truth,
    .len = bigrange_len,
    .getitem = bigrange_getitem,
    .contains = bigrange_contains,
    .iter = bigrange_iter_of,
};

static const rc_type bigrange_type = {
    .name = "range",
    .basicsize = sizeof(bigrange),
    .dealloc = bigrange_dealloc,
    .protocol = &bigrange_protocol,
};

int rp_bt_init_bigrange(rp_interp *ip) {
    if (rp_typemap_add(ip, &bigrange_type, ip->cls.range) < 0)
        return -1;
    return rp_class_new_builtin(ip, "longrange_iterator", &bigiter_type, NULL,
                                NULL, NULL, 0)
               ? 0
               : -1;
}
