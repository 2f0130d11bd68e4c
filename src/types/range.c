/*
 * range.c — range (int64 bounds), its iterator, and slice objects with
 * Python's slice.indices() (rc_slice_indices), which every sequence uses.
 *
 * A range is immutable: start, stop, a nonzero step and its length
 * (computed once, in uint64 arithmetic that cannot overflow); item i is
 * start + i * step. Ranges and their iterators hold no objects, so they
 * are not GC types. Equality compares the sequences (range(0) ==
 * range(2, 2)); the hash follows CPython: hash((len, start, step)) with
 * start and step replaced by None where they do not matter.
 *
 * A slice holds three objects (None where omitted), is tracked as in
 * CPython 3.11, compares as the tuple (start, stop, step) and is
 * unhashable. rc_slice_indices clamps huge bounds as CPython's
 * PySlice_Unpack does, so the count it returns is always exact.
 */
#include "cont.h"

typedef struct rc__range {
    rc_object ob;
    int64_t start, stop, step; /* step != 0 */
    uint64_t len;              /* items */
} rc__range;

#define R(o) ((rc__range *)(o))

typedef struct rc__slice {
    rc_object ob;
    rc_object *start, *stop, *step; /* owned; None when omitted */
} rc__slice;

#define SL(o) ((rc__slice *)(o))

static uint64_t range_length(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop)
        return ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
    if (step < 0 && start > stop)
        return ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) +
               1;
    return 0;
}

/* Item i (< len): always inside [start, stop), so it fits. */
static int64_t range_item(const rc__range *r, uint64_t i) {
    return (int64_t)((uint64_t)r->start + i * (uint64_t)r->step);
}

rc_object *rc_range_new(rc_runtime *rt, int64_t start, int64_t stop,
                        int64_t step) {
    if (step == 0) {
        rc_set_error(rt, RC_EVALUE, "range() arg 3 must not be zero");
        return NULL;
    }
    rc__range *r = (rc__range *)rc_new(rt, &rc__range_type);
    if (!r)
        return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = range_length(start, stop, step);
    return &r->ob;
}

void rc_range_bounds(const rc_object *range, int64_t *start, int64_t *stop,
                     int64_t *step) {
    *start = R(range)->start;
    *stop = R(range)->stop;
    *step = R(range)->step;
}

bool rc_is_range(const rc_object *o) {
    return o->type == &rc__range_type;
}

/* ====================================================================== */
/* range_iterator                                                          */
/* ====================================================================== */

typedef struct rangeiter {
    rc_object ob;
    int64_t next, step;
    uint64_t left; /* items still to produce */
} rangeiter;

static int rangeiter_next(rc_object *o, rc_object **item) {
    rangeiter *it = (rangeiter *)o;
    if (it->left == 0)
        return 0;
    *item = rc_int_from_i64(rc__runtime_of(o), it->next);
    if (!*item)
        return RC_ENOMEM;
    it->left--;
    if (it->left)
        it->next = (int64_t)((uint64_t)it->next + (uint64_t)it->step);
    return 1;
}

static const rc_protocol rangeiter_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .iter = rc__iter_self,
    .next = rangeiter_next,
};

static const rc_type rangeiter_type = {
    .name = "range_iterator",
    .basicsize = sizeof(rangeiter),
    .flags = RC__TYPE_LEAF,
    .protocol = &rangeiter_protocol,
};

static rc_object *range_iter(rc_object *o) {
    rangeiter *it = (rangeiter *)rc_new(rc__runtime_of(o), &rangeiter_type);
    if (!it)
        return NULL;
    it->next = R(o)->start;
    it->step = R(o)->step;
    it->left = R(o)->len;
    return &it->ob;
}

/* ====================================================================== */
/* The range protocol                                                      */
/* ====================================================================== */

static ptrdiff_t range_len(rc_object *o) {
    if (R(o)->len > (uint64_t)PTRDIFF_MAX)
        return rc_set_error(rc__runtime_of(o), RC_EOVERFLOW,
                            "Python int too large to convert to C ssize_t");
    return (ptrdiff_t)R(o)->len;
}

static int range_truth(rc_object *o) {
    return R(o)->len != 0;
}

static rc_object *range_repr(rc_object *o) {
    rc__range *r = R(o);
    if (r->step == 1)
        return rc_str_from_format(rc__runtime_of(o), "range(%lld, %lld)",
                                  (long long)r->start, (long long)r->stop);
    return rc_str_from_format(rc__runtime_of(o), "range(%lld, %lld, %lld)",
                              (long long)r->start, (long long)r->stop,
                              (long long)r->step);
}

/* Same sequence of items. */
static bool range_same(const rc__range *a, const rc__range *b) {
    if (a->len != b->len)
        return false;
    if (a->len == 0)
        return true;
    return a->start == b->start && (a->len == 1 || a->step == b->step);
}

static rc_object *range_richcompare(rc_object *self, rc_object *other,
                                    rc_cmp op) {
    if (!rc_is_range(other) || (op != RC_EQ && op != RC_NE))
        return rc__notimpl_of(self);
    return rc__bool(rc__runtime_of(self),
                    range_same(R(self), R(other)) == (op == RC_EQ));
}

static int range_hash(rc_object *o, int64_t *out) {
    rc__range *r = R(o);
    rc_runtime *rt = rc__runtime_of(o);
    rc_object *none = rc_none(rt);
    rc_object *len = rc_int_from_u64(rt, r->len);
    rc_object *start = r->len ? rc_int_from_i64(rt, r->start) : NULL;
    rc_object *step = r->len > 1 ? rc_int_from_i64(rt, r->step) : NULL;
    rc_object *t = NULL;
    if (len && (start || r->len == 0) && (step || r->len <= 1))
        t = rc_tuple_pack(rt, 3, len, start ? start : none, step ? step : none);
    int st = t ? rc_hash(t, out) : RC_ENOMEM;
    rc_xdecref(t);
    rc_xdecref(len);
    rc_xdecref(start);
    rc_xdecref(step);
    rc_decref(none);
    return st;
}

/* The int value of x if it is one of r's items: 1, 0. */
static int range_has(const rc__range *r, rc_object *x) {
    int64_t v;
    if (rc_int_to_i64(x, &v) < 0) {
        rc_clear_error(rc__runtime_of(x));
        return 0; /* beyond int64: outside every range */
    }
    if (r->step > 0 ? (v < r->start || v >= r->stop)
                    : (v > r->start || v <= r->stop))
        return 0;
    uint64_t dist = r->step > 0 ? (uint64_t)v - (uint64_t)r->start
                                : (uint64_t)r->start - (uint64_t)v;
    uint64_t st = r->step > 0 ? (uint64_t)r->step : 0 - (uint64_t)r->step;
    return dist % st == 0;
}

static int range_contains(rc_object *o, rc_object *x) {
    if (rc_is_int(x))
        return range_has(R(o), x);
    rc_runtime *rt = rc__runtime_of(o);
    for (uint64_t i = 0; i < R(o)->len; i++) {
        rc_object *v = rc_int_from_i64(rt, range_item(R(o), i));
        if (!v)
            return RC_ENOMEM;
        int c = rc_equal(v, x);
        rc_decref(v);
        if (c)
            return c;
    }
    return 0;
}

static int bound(rc_object *x, ptrdiff_t dflt, ptrdiff_t lo, ptrdiff_t hi,
                 ptrdiff_t *out);

/* A slice bound adjusted to a range of n items (as PySlice_AdjustIndices,
 * in 128-bit arithmetic: a range may hold up to 2**64 - 1 items). */
static __int128 adjust_wide(ptrdiff_t i, __int128 n, ptrdiff_t step) {
    __int128 v = i;
    if (v < 0) {
        v += n;
        if (v < 0)
            v = step < 0 ? -1 : 0;
    } else if (v >= n) {
        v = step < 0 ? n - 1 : n;
    }
    return v;
}

static bool fits_i64(__int128 v) {
    return v >= INT64_MIN && v <= INT64_MAX;
}

/* range[slice]: the range of the selected items (CPython's compute_slice:
 * start + i * step for the adjusted bounds, step times the slice's). */
static rc_object *range_slice(rc_object *o, rc_object *slice) {
    rc__range *r = R(o);
    rc_runtime *rt = rc__runtime_of(o);
    rc__slice *sl = (rc__slice *)slice;
    ptrdiff_t st, a, b;
    int e = bound(sl->step, 1, -PTRDIFF_MAX, PTRDIFF_MAX, &st);
    if (!e && st == 0)
        e = rc_set_error(rt, RC_EVALUE, "slice step cannot be zero");
    if (!e)
        e = bound(sl->start, 0, PTRDIFF_MIN, PTRDIFF_MAX, &a);
    if (!e)
        e = bound(sl->stop, 0, PTRDIFF_MIN, PTRDIFF_MAX, &b);
    if (e)
        return NULL;
    __int128 n = (__int128)r->len;
    __int128 lo =
        rc_is_none(sl->start) ? (st < 0 ? n - 1 : 0) : adjust_wide(a, n, st);
    __int128 hi =
        rc_is_none(sl->stop) ? (st < 0 ? -1 : n) : adjust_wide(b, n, st);
    __int128 start = r->start + lo * r->step, stop = r->start + hi * r->step;
    __int128 step = (__int128)r->step * st;
    if (!fits_i64(start) || !fits_i64(stop) || !fits_i64(step)) {
        rc_set_error(rt, RC_EOVERFLOW, "range slice out of int64 bounds");
        return NULL;
    }
    return rc_range_new(rt, (int64_t)start, (int64_t)stop, (int64_t)step);
}

static rc_object *range_item_at(rc_object *o, rc_object *key);

static rc_object *range_getitem(rc_object *o, rc_object *key) {
    if (rc_is_slice(key))
        return range_slice(o, key);
    rc_object *i = NULL;
    int k = rc_is_int(key) ? 0 : rc__index_of(key, &i);
    if (k == 0)
        return range_item_at(o, key);
    rc_object *r = k > 0 ? range_item_at(o, i) : NULL; /* __index__ */
    rc_xdecref(i);
    return r;
}

/* Item key (an int) of range o. */
static rc_object *range_item_at(rc_object *o, rc_object *key) {
    rc__range *r = R(o);
    rc_runtime *rt = rc__runtime_of(o);
    if (!rc_is_int(key)) {
        rc_set_error(rt, RC_ETYPE,
                     "range indices must be integers or slices, not %s",
                     rc_type_name(key));
        return NULL;
    }
    int64_t i;
    uint64_t at = UINT64_MAX;
    if (rc_int_to_i64(key, &i) == 0) {
        uint64_t back = 0 - (uint64_t)i; /* -len <= i < 0: from the end */
        at = i >= 0 ? (uint64_t)i : back <= r->len ? r->len - back : UINT64_MAX;
    }
    if (at >= r->len) {
        rc_set_error(rt, RC_EINDEX, "range object index out of range");
        return NULL;
    }
    return rc_int_from_i64(rt, range_item(r, at));
}

static const rc_protocol range_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .truth = range_truth,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .iter = range_iter,
};

const rc_type rc__range_type = {
    .name = "range",
    .basicsize = sizeof(rc__range),
    .protocol = &range_protocol,
};

/* ====================================================================== */
/* slice                                                                   */
/* ====================================================================== */

rc_object *rc_slice_new(rc_runtime *rt, rc_object *start, rc_object *stop,
                        rc_object *step) {
    rc__slice *s = (rc__slice *)rc_new(rt, &rc__slice_type);
    if (!s)
        return NULL;
    rc_object *none = rc_none(rt);
    s->start = start ? start : none;
    s->stop = stop ? stop : none;
    s->step = step ? step : none;
    rc_incref(s->start);
    rc_incref(s->stop);
    rc_incref(s->step);
    rc_decref(none);
    return &s->ob;
}

void rc_slice_parts(const rc_object *slice, rc_object **start, rc_object **stop,
                    rc_object **step) {
    *start = SL(slice)->start;
    *stop = SL(slice)->stop;
    *step = SL(slice)->step;
}

bool rc_is_slice(const rc_object *o) {
    return o->type == &rc__slice_type;
}

/* A slice bound: *out from an int (clamped to [lo, hi]) or dflt for None;
 * RC_ETYPE otherwise. */
static int bound(rc_object *x, ptrdiff_t dflt, ptrdiff_t lo, ptrdiff_t hi,
                 ptrdiff_t *out) {
    if (rc_is_none(x)) {
        *out = dflt;
        return 0;
    }
    rc_object *i = NULL;
    int k = rc__index_of(x, &i);
    if (k == 0)
        return rc_set_error(rc__runtime_of(x), RC_ETYPE,
                            "slice indices must be integers or None or have "
                            "an __index__ method");
    if (k < 0)
        return k;
    int64_t v;
    if (rc_int_to_i64(i, &v) < 0) {
        rc_clear_error(rc__runtime_of(x));
        v = rc_int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    }
    rc_decref(i);
    *out = v < lo ? lo : v > hi ? hi : (ptrdiff_t)v;
    return 0;
}

/* A bound adjusted to a sequence of length n (PySlice_AdjustIndices). */
static ptrdiff_t adjust(ptrdiff_t i, ptrdiff_t n, ptrdiff_t step) {
    if (i < 0) {
        i += n;
        if (i < 0)
            i = step < 0 ? -1 : 0;
    } else if (i >= n) {
        i = step < 0 ? n - 1 : n;
    }
    return i;
}

ptrdiff_t rc_slice_indices(rc_object *slice, size_t length, ptrdiff_t *start,
                           ptrdiff_t *stop, ptrdiff_t *step) {
    rc_runtime *rt = rc__runtime_of(slice);
    if (!rc_is_slice(slice))
        return rc_set_error(rt, RC_ETYPE, "expected a slice, got '%s'",
                            rc_type_name(slice));
    if (length > (size_t)PTRDIFF_MAX)
        return rc_set_error(rt, RC_EOVERFLOW, "length too large");
    rc__slice *s = SL(slice);
    ptrdiff_t st, a, b, n = (ptrdiff_t)length;
    int r = bound(s->step, 1, -PTRDIFF_MAX, PTRDIFF_MAX, &st);
    if (!r && st == 0)
        r = rc_set_error(rt, RC_EVALUE, "slice step cannot be zero");
    if (!r)
        r = bound(s->start, st < 0 ? PTRDIFF_MAX : 0, PTRDIFF_MIN, PTRDIFF_MAX,
                  &a);
    if (!r)
        r = bound(s->stop, st < 0 ? PTRDIFF_MIN : PTRDIFF_MAX, PTRDIFF_MIN,
                  PTRDIFF_MAX, &b);
    if (r)
        return r;
    *start = a = adjust(a, n, st);
    *stop = b = adjust(b, n, st);
    *step = st;
    if (st < 0)
        return b < a ? (a - b - 1) / (-st) + 1 : 0;
    return a < b ? (b - a - 1) / st + 1 : 0;
}

static int slice_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rc__slice *s = SL(o);
    int r = visit(s->start, arg);
    if (!r)
        r = visit(s->stop, arg);
    return r ? r : visit(s->step, arg);
}

static void slice_dealloc(rc_object *o) {
    rc__slice *s = SL(o);
    rc_decref(s->start);
    rc_decref(s->stop);
    rc_decref(s->step);
}

static rc_object *slice_repr(rc_object *o) {
    rc__slice *s = SL(o);
    rc__sb sb;
    rc__sb_init(&sb, rc__runtime_of(o));
    rc__sb_puts(&sb, "slice(");
    rc__sb_repr(&sb, s->start);
    rc__sb_puts(&sb, ", ");
    rc__sb_repr(&sb, s->stop);
    rc__sb_puts(&sb, ", ");
    rc__sb_repr(&sb, s->step);
    rc__sb_putc(&sb, ')');
    return rc__sb_finish(&sb);
}

/* Slices compare as (start, stop, step) tuples. */
static rc_object *slice_richcompare(rc_object *self, rc_object *other,
                                    rc_cmp op) {
    if (!rc_is_slice(other))
        return rc__notimpl_of(self);
    rc_runtime *rt = rc__runtime_of(self);
    rc__slice *a = SL(self), *b = SL(other);
    rc_object *ta = rc_tuple_pack(rt, 3, a->start, a->stop, a->step);
    rc_object *tb =
        ta ? rc_tuple_pack(rt, 3, b->start, b->stop, b->step) : NULL;
    rc_object *r = tb ? rc_richcompare(ta, tb, op) : NULL;
    rc_xdecref(ta);
    rc_xdecref(tb);
    return r;
}

static const rc_protocol slice_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = slice_repr,
    .hash = rc__unhashable,
    .richcompare = slice_richcompare,
};

const rc_type rc__slice_type = {
    .name = "slice",
    .basicsize = sizeof(rc__slice),
    .flags = RC_TYPE_GC,
    .traverse = slice_traverse,
    .dealloc = slice_dealloc,
    .protocol = &slice_protocol,
};
