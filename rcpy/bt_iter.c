/*
 * bt_iter.c — the iterator classes builtins returns: enumerate, zip (with
 * strict=), map, filter, reversed (and list_reverseiterator, reversed's
 * form for lists), and callable_iterator (iter(callable, sentinel)).
 *
 * Each kind is an rcgc object of a GC type (CPython tracks them too, so
 * gc.get_count() moves as it does there) whose protocol gives iter
 * (itself) and next; the object model wraps those as __iter__ and
 * __next__. Invariant: an exhausted iterator drops what it holds and stays
 * exhausted.
 */
#include "btypes.h"

#include <stdio.h>
#include <string.h>

static rc_object *iter_self(rc_object *self) {
    return rp_new_ref(self);
}

#define ITER_PROTOCOL(name, next_fn)                                           \
    static const rc_protocol name = {                                          \
        .version = RC_PROTOCOL_VERSION,                                        \
        .iter = iter_self,                                                     \
        .next = next_fn,                                                       \
    }

/* A GC type with traverse and clear; dealloc is clear. */
#define ITER_TYPE(ident, tname, st, trav, clr, proto)                          \
    static const rc_type ident = {                                             \
        .name = tname,                                                         \
        .basicsize = sizeof(st),                                               \
        .flags = RC_TYPE_GC,                                                   \
        .traverse = trav,                                                      \
        .clear = clr,                                                          \
        .protocol = &proto,                                                    \
    }

static void clear_ref(rc_object **slot) {
    rc_object *o = *slot;
    *slot = NULL;
    rc_xdecref(o);
}

/* ====================================================================== */
/* enumerate                                                              */
/* ====================================================================== */

/* rc_next(it) with it held meanwhile: its owner's field may be cleared by
 * a re-entrant next. */
static int held_next(rc_object *it, rc_object **x) {
    rc_incref(it);
    int r = rc_next(it, x);
    rc_decref(it);
    return r;
}

typedef struct bt_enumerate {
    rc_object ob;
    rc_object *it;    /* the iterator, NULL once exhausted */
    rc_object *count; /* the next index (an int) */
} bt_enumerate;

static int enum_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    bt_enumerate *e = (bt_enumerate *)self;
    int r = e->it ? visit(e->it, arg) : 0;
    return r ? r : e->count ? visit(e->count, arg) : 0;
}

static int enum_clear(rc_object *self) {
    bt_enumerate *e = (bt_enumerate *)self;
    clear_ref(&e->it);
    clear_ref(&e->count);
    return 0;
}

static int enum_next(rc_object *self, rc_object **item) {
    bt_enumerate *e = (bt_enumerate *)self;
    rc_object *x;
    int r = e->it ? held_next(e->it, &x) : 0;
    if (r <= 0) {
        if (r == 0)
            clear_ref(&e->it);
        return r;
    }
    rp_interp *ip = rp_interp_of(self);
    rc_object *one = rc_int_from_i64(ip->rt, 1);
    rc_object *next = rc_number_add(e->count, one);
    rc_decref(one);
    *item = next ? rc_tuple_pack(ip->rt, 2, e->count, x) : NULL;
    rc_decref(x);
    if (!next || !*item) {
        rc_xdecref(next);
        return -1;
    }
    rc_decref(e->count);
    e->count = next;
    return 1;
}

ITER_PROTOCOL(enum_protocol, enum_next);
ITER_TYPE(enum_type, "enumerate", bt_enumerate, enum_traverse, enum_clear,
          enum_protocol);

static rc_object *enum_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                           size_t nargs, rc_object *kwnames) {
    static const char *const names[] = {"iterable", "start", NULL};
    static const rp_argspec spec = {"enumerate", names, 0, 2, 0};
    rc_object *a[2];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!a[0]) {
        rp_raise(ip, ip->exc.TypeError,
                 "enumerate() missing required argument 'iterable'");
        return NULL;
    }
    rc_object *start;
    if (a[1]) {
        ptrdiff_t s;
        rc_object *v = bt_value(a[1]);
        if (!rc_is_int(v) && bt_index(ip, a[1], &s) < 0)
            return NULL;
        start = rc_is_int(v) ? rp_new_ref(v) : rc_int_from_i64(ip->rt, s);
    } else {
        start = rc_int_from_i64(ip->rt, 0);
    }
    rc_object *it = start ? rc_iter(a[0]) : NULL;
    bt_enumerate *e = it ? (bt_enumerate *)rc_new(ip->rt, &enum_type) : NULL;
    if (!e) {
        rc_xdecref(it);
        rc_xdecref(start);
        return NULL;
    }
    e->it = it;
    e->count = start;
    return &e->ob;
}

/* ====================================================================== */
/* zip                                                                    */
/* ====================================================================== */

typedef struct bt_zip {
    rc_object ob;
    rc_object *iters; /* tuple of iterators, NULL once exhausted */
    bool strict;
} bt_zip;

static int iters_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    bt_zip *z = (bt_zip *)self;
    return z->iters ? visit(z->iters, arg) : 0;
}

static int iters_clear(rc_object *self) {
    clear_ref(&((bt_zip *)self)->iters);
    return 0;
}

/* zip(strict=True) found iterator i (0-based) exhausted after `first`
 * gave an item (shorter) or iterator i giving one after the first ended
 * (longer). */
static int strict_error(rp_interp *ip, size_t i, bool longer) {
    char range[48];
    if (i == 1)
        snprintf(range, sizeof range, "argument 1");
    else
        snprintf(range, sizeof range, "arguments 1-%zu", i);
    return rp_raise(ip, ip->exc.ValueError, "zip() argument %zu is %s than %s",
                    i + 1, longer ? "longer" : "shorter", range);
}

/* After iterator i of iters ended: under strict, the others must end
 * too. */
static int zip_check_end(rp_interp *ip, bool strict, rc_object *iters,
                         size_t i) {
    if (!strict)
        return 0;
    if (i > 0)
        return strict_error(ip, i, false);
    for (size_t j = 1; j < rc_tuple_size(iters); j++) {
        rc_object *x;
        int r = rc_next(rc_tuple_get(iters, j), &x);
        if (r < 0)
            return -1;
        if (r > 0) {
            rc_decref(x);
            return strict_error(ip, j, true);
        }
    }
    return 0;
}

static int zip_next(rc_object *self, rc_object **item) {
    bt_zip *z = (bt_zip *)self;
    if (!z->iters || rc_tuple_size(z->iters) == 0)
        return 0;
    rp_interp *ip = rp_interp_of(self);
    size_t n = rc_tuple_size(z->iters);
    rc_object *t = rc_tuple_new(ip->rt, n);
    if (!t)
        return -1;
    rc_object *iters = rp_new_ref(z->iters); /* a re-entrant next may clear z */
    int r = 1;
    for (size_t i = 0; r > 0 && i < n; i++) {
        rc_object *x;
        r = rc_next(rc_tuple_get(iters, i), &x);
        if (r <= 0) {
            if (r == 0)
                r = zip_check_end(ip, z->strict, iters, i);
            for (size_t j = i; j < n; j++) /* the tuple is released whole */
                rc_tuple_init_item(t, j, rp_new_ref(ip->none));
            rc_decref(t);
            clear_ref(&z->iters);
        } else {
            rc_tuple_init_item(t, i, x);
        }
    }
    rc_decref(iters);
    if (r > 0)
        *item = t;
    return r;
}

ITER_PROTOCOL(zip_protocol, zip_next);
ITER_TYPE(zip_type, "zip", bt_zip, iters_traverse, iters_clear, zip_protocol);

/* A new tuple of iter(x) for each x of args. */
static rc_object *iter_all(rp_interp *ip, rc_object *const *args, size_t n) {
    rc_object *t = rc_tuple_new(ip->rt, n);
    for (size_t i = 0; t && i < n; i++) {
        rc_object *it = rc_iter(args[i]);
        rc_tuple_init_item(t, i, it ? it : rp_new_ref(ip->none));
        if (!it) {
            rc_decref(t);
            return NULL;
        }
    }
    return t;
}

static rc_object *zip_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                          size_t nargs, rc_object *kwnames) {
    bool strict = false;
    for (size_t i = 0; i < rp_kwcount(kwnames); i++) {
        rc_object *k = rc_tuple_get(kwnames, i);
        if (strcmp(rc_str_utf8(k), "strict") != 0) {
            rp_raise(ip, ip->exc.TypeError,
                     "'%s' is an invalid keyword argument for zip()",
                     rc_str_utf8(k));
            return NULL;
        }
        int t = rp_truth(ip, args[nargs + i]);
        if (t < 0)
            return NULL;
        strict = t;
    }
    rc_object *iters = iter_all(ip, args, nargs);
    bt_zip *z = iters ? (bt_zip *)rc_new(ip->rt, &zip_type) : NULL;
    if (!z) {
        rc_xdecref(iters);
        return NULL;
    }
    z->iters = iters;
    z->strict = strict;
    return &z->ob;
}

/* ====================================================================== */
/* map                                                                    */
/* ====================================================================== */

typedef struct bt_map {
    rc_object ob;
    rc_object *iters; /* tuple of iterators (first, as in bt_zip) */
    rc_object *func;
} bt_map;

static int map_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    bt_map *m = (bt_map *)self;
    int r = iters_traverse(self, visit, arg);
    return r ? r : m->func ? visit(m->func, arg) : 0;
}

static int map_clear(rc_object *self) {
    clear_ref(&((bt_map *)self)->func);
    return iters_clear(self);
}

static int map_next(rc_object *self, rc_object **item) {
    bt_map *m = (bt_map *)self;
    if (!m->iters)
        return 0;
    rp_interp *ip = rp_interp_of(self);
    size_t n = rc_tuple_size(m->iters), got = 0;
    rc_object *small[8],
        **xs = n <= 8 ? small : rc_malloc(ip->rt, n * sizeof *xs);
    /* held: a re-entrant next or the call itself may clear m */
    rc_object *iters = rp_new_ref(m->iters), *func = rp_new_ref(m->func);
    int r = xs ? 1 : -1;
    while (r > 0 && got < n &&
           (r = rc_next(rc_tuple_get(iters, got), &xs[got])) > 0)
        got++;
    if (r > 0) {
        *item = rp_call(ip, func, xs, n, NULL);
        r = *item ? 1 : -1;
    } else if (r == 0) {
        map_clear(self);
    }
    for (size_t i = 0; i < got; i++)
        rc_decref(xs[i]);
    if (xs && xs != small)
        rc_free(ip->rt, xs, n * sizeof *xs);
    rc_decref(iters);
    rc_decref(func);
    return r;
}

ITER_PROTOCOL(map_protocol, map_next);
ITER_TYPE(map_type, "map", bt_map, map_traverse, map_clear, map_protocol);

static rc_object *map_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                          size_t nargs, rc_object *kwnames) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "map() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 2) {
        rp_raise(ip, ip->exc.TypeError,
                 "map() must have at least two arguments.");
        return NULL;
    }
    rc_object *iters = iter_all(ip, args + 1, nargs - 1);
    bt_map *m = iters ? (bt_map *)rc_new(ip->rt, &map_type) : NULL;
    if (!m) {
        rc_xdecref(iters);
        return NULL;
    }
    m->iters = iters;
    m->func = rp_new_ref(args[0]);
    return &m->ob;
}

/* ====================================================================== */
/* filter                                                                 */
/* ====================================================================== */

typedef struct bt_filter {
    rc_object ob;
    rc_object *it;   /* NULL once exhausted */
    rc_object *func; /* None: the items' truth */
} bt_filter;

static int filter_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    bt_filter *f = (bt_filter *)self;
    int r = f->it ? visit(f->it, arg) : 0;
    return r ? r : f->func ? visit(f->func, arg) : 0;
}

static int filter_clear(rc_object *self) {
    bt_filter *f = (bt_filter *)self;
    clear_ref(&f->it);
    clear_ref(&f->func);
    return 0;
}

static int filter_next(rc_object *self, rc_object **item) {
    bt_filter *f = (bt_filter *)self;
    rp_interp *ip = rp_interp_of(self);
    rc_object *x;
    int r = 0;
    while (f->it && (r = held_next(f->it, &x)) > 0) {
        int keep;
        if (f->func == ip->none || f->func == &ip->cls.bool_->ob) {
            keep = rp_truth(ip, x);
        } else {
            rc_object *func = rp_new_ref(f->func); /* the call may clear f */
            rc_object *v = rp_call1(ip, func, x);
            rc_decref(func);
            keep = v ? rp_truth(ip, v) : -1;
            rc_xdecref(v);
        }
        if (keep > 0) {
            *item = x;
            return 1;
        }
        rc_decref(x);
        if (keep < 0)
            return -1;
    }
    if (!f->it)
        return 0;
    if (r == 0)
        filter_clear(self);
    return r;
}

ITER_PROTOCOL(filter_protocol, filter_next);
ITER_TYPE(filter_type, "filter", bt_filter, filter_traverse, filter_clear,
          filter_protocol);

static rc_object *filter_new(rp_interp *ip, rp_class *cls,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "filter() takes no keyword arguments");
        return NULL;
    }
    if (rp_check_args(ip, "filter", nargs, NULL, 2, 2) < 0)
        return NULL;
    rc_object *it = rc_iter(args[1]);
    bt_filter *f = it ? (bt_filter *)rc_new(ip->rt, &filter_type) : NULL;
    if (!f) {
        rc_xdecref(it);
        return NULL;
    }
    f->it = it;
    f->func = rp_new_ref(args[0]);
    return &f->ob;
}

/* ====================================================================== */
/* reversed, list_reverseiterator                                         */
/* ====================================================================== */

typedef struct bt_reversed {
    rc_object ob;
    rc_object *seq;  /* NULL once exhausted */
    ptrdiff_t index; /* the next item's index */
} bt_reversed;

static int rev_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    bt_reversed *r = (bt_reversed *)self;
    return r->seq ? visit(r->seq, arg) : 0;
}

static int rev_clear(rc_object *self) {
    clear_ref(&((bt_reversed *)self)->seq);
    return 0;
}

/* seq[index] through the sequence's own __getitem__; IndexError and
 * StopIteration end the iteration. */
static int rev_next(rc_object *self, rc_object **item) {
    bt_reversed *r = (bt_reversed *)self;
    if (!r->seq || r->index < 0) {
        rev_clear(self);
        return 0;
    }
    rp_interp *ip = rp_interp_of(self);
    rc_object *i = rc_int_from_i64(ip->rt, r->index);
    rc_object *seq = rp_new_ref(r->seq); /* __getitem__ may clear r */
    rc_object *x = i ? rc_getitem(seq, i) : NULL;
    rc_decref(seq);
    rc_xdecref(i);
    if (!x) {
        if (!rp_err_matches(ip, ip->exc.IndexError) &&
            !rp_err_matches(ip, ip->exc.StopIteration))
            return -1;
        rp_err_clear(ip);
        rev_clear(self);
        return 0;
    }
    r->index--;
    *item = x;
    return 1;
}

/* A list shrinking under the iterator ends it (CPython's rule). */
static int listrev_next(rc_object *self, rc_object **item) {
    bt_reversed *r = (bt_reversed *)self;
    if (!r->seq || r->index < 0 || (size_t)r->index >= rc_list_size(r->seq)) {
        rev_clear(self);
        return 0;
    }
    *item = rp_new_ref(rc_list_get(r->seq, r->index--));
    return 1;
}

ITER_PROTOCOL(rev_protocol, rev_next);
ITER_PROTOCOL(listrev_protocol, listrev_next);
ITER_TYPE(rev_type, "reversed", bt_reversed, rev_traverse, rev_clear,
          rev_protocol);
ITER_TYPE(listrev_type, "list_reverseiterator", bt_reversed, rev_traverse,
          rev_clear, listrev_protocol);

rc_object *bt_reversed_new(rp_interp *ip, rc_object *seq) {
    ptrdiff_t n = rc_len(seq);
    if (n < 0)
        return NULL;
    bt_reversed *r = (bt_reversed *)rc_new(
        ip->rt, rc_is_list(seq) ? &listrev_type : &rev_type);
    if (!r)
        return NULL;
    r->seq = rp_new_ref(seq);
    r->index = n - 1;
    return &r->ob;
}

static rc_object *reversed_new(rp_interp *ip, rp_class *cls,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError,
                 "reversed() takes no keyword arguments");
        return NULL;
    }
    if (nargs != 1) {
        rp_raise(ip, ip->exc.TypeError, "reversed expected 1 argument, got %zu",
                 nargs);
        return NULL;
    }
    rc_object *seq = args[0];
    rc_object *f = rp_class_lookup(rp_type_of(seq), ip->s.reversed);
    if (f == ip->none) {
        rp_raise(ip, ip->exc.TypeError, "'%s' object is not reversible",
                 rp_tname(seq));
        return NULL;
    }
    if (f) {
        bool found;
        return rp_call_special(ip, seq, ip->s.reversed, NULL, 0, &found);
    }
    if (!rp_class_lookup(rp_type_of(seq), ip->s.getitem) ||
        rp_is_instance(seq, ip->cls.dict)) {
        rp_raise(ip, ip->exc.TypeError, "'%s' object is not reversible",
                 rp_tname(seq));
        return NULL;
    }
    return bt_reversed_new(ip, seq);
}

/* ====================================================================== */
/* callable_iterator: iter(callable, sentinel)                            */
/* ====================================================================== */

typedef struct bt_calliter {
    rc_object ob;
    rc_object *func; /* NULL once exhausted */
    rc_object *sentinel;
} bt_calliter;

static int calliter_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    bt_calliter *c = (bt_calliter *)self;
    int r = c->func ? visit(c->func, arg) : 0;
    return r ? r : c->sentinel ? visit(c->sentinel, arg) : 0;
}

static int calliter_clear(rc_object *self) {
    bt_calliter *c = (bt_calliter *)self;
    clear_ref(&c->func);
    clear_ref(&c->sentinel);
    return 0;
}

static int calliter_next(rc_object *self, rc_object **item) {
    bt_calliter *c = (bt_calliter *)self;
    if (!c->func)
        return 0;
    rp_interp *ip = rp_interp_of(self);
    rc_object *func = rp_new_ref(c->func); /* the call may exhaust c */
    rc_object *x = rp_call0(ip, func);
    rc_decref(func);
    if (!x) {
        if (!rp_err_matches(ip, ip->exc.StopIteration))
            return -1;
        rp_err_clear(ip);
        calliter_clear(self);
        return 0;
    }
    if (!c->sentinel) { /* exhausted meanwhile (CPython's gh-101892) */
        rc_decref(x);
        return 0;
    }
    rc_object *sentinel = rp_new_ref(c->sentinel);
    int eq = rc_equal(x, sentinel);
    rc_decref(sentinel);
    if (eq != 0) {
        rc_decref(x);
        if (eq > 0)
            calliter_clear(self);
        return eq > 0 ? 0 : -1;
    }
    *item = x;
    return 1;
}

ITER_PROTOCOL(calliter_protocol, calliter_next);
ITER_TYPE(calliter_type, "callable_iterator", bt_calliter, calliter_traverse,
          calliter_clear, calliter_protocol);

rc_object *bt_calliter_new(rp_interp *ip, rc_object *func,
                           rc_object *sentinel) {
    bt_calliter *c = (bt_calliter *)rc_new(ip->rt, &calliter_type);
    if (!c)
        return NULL;
    c->func = rp_new_ref(func);
    c->sentinel = rp_new_ref(sentinel);
    return &c->ob;
}

/* ====================================================================== */
/* Start-up                                                               */
/* ====================================================================== */

static const struct {
    const char *name;
    const rc_type *type;
    rp_newfunc new_; /* NULL: not callable from Python */
} kinds[] = {
    {"enumerate", &enum_type, enum_new},
    {"zip", &zip_type, zip_new},
    {"map", &map_type, map_new},
    {"filter", &filter_type, filter_new},
    {"reversed", &rev_type, reversed_new},
    {"list_reverseiterator", &listrev_type, NULL},
    {"callable_iterator", &calliter_type, NULL},
};

int rp_bt_init_iters(rp_interp *ip) {
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (!rp_class_new_builtin(ip, kinds[i].name, kinds[i].type, NULL, NULL,
                                  kinds[i].new_, 0))
            return -1;
    return 0;
}

/* The class of type t: that of a zeroed object of it (every kind here
 * copes with NULL fields), as the object model's typemap knows it. */
static rp_class *class_of_type(rp_interp *ip, const rc_type *t) {
    rc_object *probe = rc_new(ip->rt, t);
    if (!probe)
        return NULL;
    rp_class *cls = rp_type_of(probe);
    rc_decref(probe);
    return cls;
}

int rp_bt_add_iter_classes(rp_interp *ip, rc_object *module) {
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (!kinds[i].new_)
            continue;
        rp_class *cls = class_of_type(ip, kinds[i].type);
        if (!cls)
            return -1;
        rc_incref(&cls->ob);
        if (rp_module_add_object(ip, module, kinds[i].name, &cls->ob) < 0)
            return -1;
    }
    return 0;
}
