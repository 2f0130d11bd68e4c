/*
 * tuple.c — tuple: an immutable array of references; the sequence helpers
 * tuple and list share (comparison, repr, iterator, index conversion); and
 * the containers' per-runtime state (the empty tuple, the free lists).
 *
 * Invariants. A tuple's items are fixed once it is shared; only a tuple
 * being built (rc_tuple_new, then rc_tuple_init_item) has NULL items,
 * which traverse, untracking, repr and dealloc cope with (a collection may
 * see it); nothing else may be given such a tuple. The empty tuple is one
 * immortal, untracked object per runtime. Freed tuples of size 1..20 go to a
 * free list of that size (at most 2,000 each), linked through item 0 (the other
 * items are NULL); a tuple taken from it is revived, zeroed and tracked. A
 * tuple is created tracked; the collector untracks it when no item may be
 * tracked (CPython's rule, rc__may_be_tracked). Tuples have no clear function,
 * as in CPython: a cycle through a tuple always passes through a mutable
 * container, whose clear breaks it.
 */
#include "cont.h"

/* ====================================================================== */
/* Helpers shared by the containers                                        */
/* ====================================================================== */

bool rc__may_be_tracked(const rc_object *o) {
    if (!(o->type->flags & RC_TYPE_GC))
        return false;
    return !rc__is_tuple(o) || rc_gc_is_tracked(o);
}

/* key as a C index: 1 and *out for an int or an object with an index
 * (whose value must then fit: `overflow` says how a huge one fails), 0
 * when key has none, negative on error. */
static int index_value(rc_object *key, rc_status overflow, ptrdiff_t *out) {
    rc_runtime *rt = rc__runtime_of(key);
    rc_object *i = NULL;
    int r = rc__index_of(key, &i);
    if (r <= 0)
        return r;
    int64_t v;
    int st = rc_int_to_i64(i, &v);
    rc_decref(i);
    if (st < 0 || v > PTRDIFF_MAX || v < -PTRDIFF_MAX)
        return rc_set_error(rt, overflow,
                            "cannot fit 'int' into an index-sized integer");
    *out = (ptrdiff_t)v;
    return 1;
}

int rc__seq_index(rc_object *key, const char *what, ptrdiff_t *out) {
    int r = index_value(key, RC_EINDEX, out);
    if (r == 0)
        return rc_set_error(rc__runtime_of(key), RC_ETYPE,
                            "%s indices must be integers or slices, not %s",
                            what, rc_type_name(key));
    return r < 0 ? r : 0;
}

int rc__repeat_count_opt(rc_object *n, ptrdiff_t *out) {
    int r = index_value(n, RC_EOVERFLOW, out);
    if (r > 0 && *out < 0)
        *out = 0;
    return r;
}

int rc__repeat_count(rc_object *n, ptrdiff_t *out) {
    int r = rc__repeat_count_opt(n, out);
    if (r == 0)
        return rc_set_error(rc__runtime_of(n), RC_ETYPE,
                            "can't multiply sequence by non-int of type '%s'",
                            rc_type_name(n));
    return r < 0 ? r : 0;
}

static int compare_sizes(size_t a, size_t b, rc_cmp op) {
    switch (op) {
    case RC_LT:
        return a < b;
    case RC_LE:
        return a <= b;
    case RC_EQ:
        return a == b;
    case RC_NE:
        return a != b;
    case RC_GT:
        return a > b;
    default:
        return a >= b;
    }
}

/* The first index where a and b hold unequal items (*i), 1; 0 when one
 * runs out first; negative on error. Items are held during each call. */
static int first_difference(rc_object *a, rc_object *b, size_t *i) {
    for (size_t k = 0;; k++) {
        size_t na, nb;
        rc_object **ia = rc__seq_items(a, &na), **ib = rc__seq_items(b, &nb);
        if (k >= na || k >= nb)
            return 0;
        rc_object *x = ia[k], *y = ib[k];
        if (x == y)
            continue;
        rc_incref(x);
        rc_incref(y);
        int eq = rc_equal(x, y);
        rc_decref(x);
        rc_decref(y);
        if (eq < 0)
            return eq;
        if (!eq) {
            *i = k;
            return 1;
        }
    }
}

/* a <op> b once the items at index i are known to differ. */
static int compare_items_at(rc_object *a, rc_object *b, size_t i, rc_cmp op) {
    if (op == RC_EQ || op == RC_NE)
        return op == RC_NE;
    size_t na, nb;
    rc_object **ia = rc__seq_items(a, &na), **ib = rc__seq_items(b, &nb);
    if (i >= na || i >= nb) /* changed by the equality test */
        return compare_sizes(na, nb, op);
    rc_object *x = ia[i], *y = ib[i];
    rc_incref(x);
    rc_incref(y);
    int r = rc_compare(x, y, op);
    rc_decref(x);
    rc_decref(y);
    return r;
}

int rc__seq_compare(rc_object *a, rc_object *b, rc_cmp op) {
    size_t na, nb;
    rc__seq_items(a, &na);
    rc__seq_items(b, &nb);
    if ((op == RC_EQ || op == RC_NE) && na != nb)
        return op == RC_NE;
    size_t i = 0;
    int r = first_difference(a, b, &i);
    if (r > 0)
        return compare_items_at(a, b, i, op);
    if (r < 0)
        return r;
    rc__seq_items(a, &na);
    rc__seq_items(b, &nb);
    return compare_sizes(na, nb, op);
}

/* Appends the items' reprs separated by ", "; false on error. */
static bool repr_items(rc__sb *sb, rc_object *o) {
    for (size_t i = 0;; i++) {
        size_t n;
        rc_object **items = rc__seq_items(o, &n);
        if (i >= n)
            return true;
        if (i)
            rc__sb_append(sb, ", ", 2);
        rc_object *x = items[i];
        if (!x) {
            rc__sb_puts(sb, "<NULL>");
            continue;
        }
        rc_incref(x);
        bool ok = rc__sb_repr(sb, x);
        rc_decref(x);
        if (!ok)
            return false;
    }
}

/* The items, and the comma of a one-item tuple. */
static bool repr_seq_body(rc__sb *sb, rc_object *o) {
    if (!repr_items(sb, o))
        return false;
    size_t n;
    rc__seq_items(o, &n);
    if (n == 1 && rc__is_tuple(o))
        rc__sb_putc(sb, ',');
    return true;
}

rc_object *rc__seq_repr(rc_object *o, const char *open, const char *close) {
    rc_runtime *rt = rc__runtime_of(o);
    size_t n;
    rc__seq_items(o, &n);
    if (n == 0)
        return rc_str_from_format(rt, "%s%s", open, close);
    char again[16];
    snprintf(again, sizeof again, "%s...%s", open, close);
    return rc__container_repr(o, open, close, again, repr_seq_body);
}

/* ====================================================================== */
/* The sequence iterator (tuple_iterator, list_iterator)                  */
/* ====================================================================== */

typedef struct seqiter {
    rc_object ob;
    rc_object *seq; /* owned; NULL once exhausted */
    size_t index;   /* next item */
} seqiter;

static int seqiter_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    seqiter *it = (seqiter *)self;
    return it->seq ? visit(it->seq, arg) : 0;
}

static void seqiter_dealloc(rc_object *self) {
    rc_xdecref(((seqiter *)self)->seq);
}

static int seqiter_next(rc_object *self, rc_object **item) {
    seqiter *it = (seqiter *)self;
    if (!it->seq)
        return 0;
    size_t n;
    rc_object **items = rc__seq_items(it->seq, &n);
    if (it->index < n) {
        *item = items[it->index++];
        rc_incref(*item);
        return 1;
    }
    rc_object *seq = it->seq;
    it->seq = NULL;
    rc_decref(seq);
    return 0;
}

rc_object *rc__iter_self(rc_object *self) {
    rc_incref(self);
    return self;
}

static const rc_protocol seqiter_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .iter = rc__iter_self,
    .next = seqiter_next,
};

#define SEQITER_TYPE(ident, tname)                                             \
    const rc_type ident = {                                                    \
        .name = tname,                                                         \
        .basicsize = sizeof(seqiter),                                          \
        .flags = RC_TYPE_GC,                                                   \
        .traverse = seqiter_traverse,                                          \
        .dealloc = seqiter_dealloc,                                            \
        .protocol = &seqiter_protocol,                                         \
    }

SEQITER_TYPE(rc__tuple_iter_type, "tuple_iterator");
SEQITER_TYPE(rc__list_iter_type, "list_iterator");

rc_object *rc__seq_iter(rc_object *seq) {
    const rc_type *t =
        rc__is_tuple(seq) ? &rc__tuple_iter_type : &rc__list_iter_type;
    seqiter *it = (seqiter *)rc_new(rc__runtime_of(seq), t);
    if (!it)
        return NULL;
    rc_incref(seq);
    it->seq = seq;
    return &it->ob;
}

/* ====================================================================== */
/* Construction and the free list                                          */
/* ====================================================================== */

static rc_object *freelist_pop(rc_runtime *rt, size_t n) {
    rc__cont_state *cs = rc__cont(rt);
    rc_object *o = cs->tuple_free[n];
    if (!o)
        return NULL;
    rc__tuple *t = (rc__tuple *)o;
    cs->tuple_free[n] = t->items[0];
    cs->tuple_nfree[n]--;
    rc__revive(o);
    memset(t->items, 0, n * sizeof *t->items);
    rc_gc_track(o);
    return o;
}

rc_object *rc_tuple_new(rc_runtime *rt, size_t n) {
    if (n == 0) {
        rc_object *e = rc__cont(rt)->empty_tuple;
        rc_incref(e);
        return e;
    }
    if (n <= RC__TUPLE_FREELIST_SIZES) {
        rc_object *o = freelist_pop(rt, n);
        if (o)
            return o;
    }
    rc__tuple *t = (rc__tuple *)rc_new_var(rt, &rc__tuple_type, n);
    if (!t)
        return NULL;
    t->size = n;
    return &t->ob;
}

/* Keeps a dead tuple on its size's free list if there is room. */
static void tuple_keep_or_release(rc_object *o) {
    rc__tuple *t = (rc__tuple *)o;
    size_t n = t->size;
    rc_runtime *rt = rc__runtime_of(o);
    if (n == 0 || n > RC__TUPLE_FREELIST_SIZES || rt->tearing_down ||
        !rt->types)
        return;
    rc__cont_state *cs = rc__cont(rt);
    if (cs->tuple_nfree[n] >= RC__TUPLE_FREELIST_MAX)
        return;
    t->items[0] = cs->tuple_free[n];
    cs->tuple_free[n] = o;
    cs->tuple_nfree[n]++;
    o->flags |= RC__F_KEEP;
}

static void tuple_dealloc(rc_object *o) {
    rc__tuple *t = (rc__tuple *)o;
    for (size_t i = t->size; i-- > 0;) {
        rc_object *x = t->items[i];
        t->items[i] = NULL;
        rc_xdecref(x);
    }
    tuple_keep_or_release(o);
}

void rc__tuple_clear_freelist(rc_runtime *rt) {
    rc__cont_state *cs = rc__cont(rt);
    for (size_t n = 1; n <= RC__TUPLE_FREELIST_SIZES; n++) {
        while (cs->tuple_free[n]) {
            rc_object *o = cs->tuple_free[n];
            cs->tuple_free[n] = ((rc__tuple *)o)->items[0];
            rc__gc_free_counted(rt);
            rc__obj_free(rt, o);
        }
        cs->tuple_nfree[n] = 0;
    }
}

void rc_tuple_init_item(rc_object *tuple, size_t i, rc_object *item) {
    rc__tuple *t = (rc__tuple *)tuple;
    RC__ASSERT(i < t->size && !t->items[i]);
    t->items[i] = item;
}

rc_object *rc_tuple_from_array(rc_runtime *rt, rc_object *const *items,
                               size_t n) {
    rc_object *o = rc_tuple_new(rt, n);
    if (!o)
        return NULL;
    rc__tuple *t = (rc__tuple *)o;
    for (size_t i = 0; i < n; i++) {
        rc_incref(items[i]);
        t->items[i] = items[i];
    }
    return o;
}

rc_object *rc_tuple_pack(rc_runtime *rt, size_t n, ...) {
    rc_object *o = rc_tuple_new(rt, n);
    if (!o)
        return NULL;
    rc__tuple *t = (rc__tuple *)o;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        rc_object *x = va_arg(ap, rc_object *);
        rc_incref(x);
        t->items[i] = x;
    }
    va_end(ap);
    return o;
}

bool rc_is_tuple(const rc_object *o) {
    return rc__is_tuple(o);
}

size_t rc_tuple_size(const rc_object *tuple) {
    return ((const rc__tuple *)tuple)->size;
}

rc_object *rc_tuple_get(const rc_object *tuple, size_t i) {
    const rc__tuple *t = (const rc__tuple *)tuple;
    RC__ASSERT(i < t->size);
    return t->items[i];
}

/* The items of a list snapshotted into a new tuple. */
static rc_object *tuple_from_list(rc_runtime *rt, rc_object *list) {
    for (;;) {
        size_t n = ((rc__list *)list)->size;
        rc_object *o = rc_tuple_new(rt, n);
        if (!o)
            return NULL;
        size_t now;
        rc_object **items = rc__seq_items(list, &now);
        if (now == n) { /* unchanged by a collection during allocation */
            for (size_t i = 0; i < n; i++) {
                rc_incref(items[i]);
                ((rc__tuple *)o)->items[i] = items[i];
            }
            return o;
        }
        rc_decref(o);
    }
}

rc_object *rc__tuple_from_iterable(rc_runtime *rt, rc_object *iterable,
                                   const char *errmsg) {
    if (rc__is_tuple(iterable)) {
        rc_incref(iterable);
        return iterable;
    }
    if (rc__is_list(iterable))
        return tuple_from_list(rt, iterable);
    const rc_protocol *p = iterable->type->protocol;
    if (!p || !p->iter) {
        rc_set_error(rt, RC_ETYPE, "%s", errmsg);
        return NULL;
    }
    rc_object *list = rc_list_new(rt);
    if (!list)
        return NULL;
    rc_object *t = NULL;
    if (rc_list_extend(list, iterable) == 0)
        t = tuple_from_list(rt, list);
    rc_decref(list);
    return t;
}

/* ====================================================================== */
/* The protocol                                                            */
/* ====================================================================== */

/* Last item first, as CPython's. */
static int tuple_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rc__tuple *t = (rc__tuple *)o;
    for (size_t i = t->size; i-- > 0;) {
        if (t->items[i]) {
            int r = visit(t->items[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

/* The collector reads the items of tuples and lists directly (the
 * runtime's items hook, registered by boot.c, for RC__TYPE_ITEMS types);
 * the traverse functions visit exactly these. */
rc_object *const *rc__seq_gc_items(const rc_object *o, size_t *n) {
    if (o->type == &rc__tuple_type) {
        const rc__tuple *t = (const rc__tuple *)o;
        *n = t->size;
        return t->items;
    }
    const rc__list *l = (const rc__list *)o;
    *n = l->size;
    return l->items;
}

static bool tuple_untrackable(rc_object *o) {
    rc__tuple *t = (rc__tuple *)o;
    for (size_t i = 0; i < t->size; i++)
        if (!t->items[i] || rc__may_be_tracked(t->items[i]))
            return false;
    return true;
}

/* The runtime's maybe_untrack hook, for RC__TYPE_UNTRACKABLE types:
 * tuples at any collection, dicts at full ones (CPython's rules). */
void rc__cont_maybe_untrack(rc_object *o, bool full) {
    if (rc__is_tuple(o) ? tuple_untrackable(o) : rc__dict_untrackable(o, full))
        rc_gc_untrack(o);
}

/* CPython's tuple hash (3.8+): xxHash's accumulation over item hashes. */
#define XXPRIME_1 11400714785074694791ull
#define XXPRIME_2 14029467366897019727ull
#define XXPRIME_5 2870177450012600261ull

static int tuple_hash(rc_object *o, int64_t *out) {
    rc__tuple *t = (rc__tuple *)o;
    uint64_t acc = XXPRIME_5;
    for (size_t i = 0; i < t->size; i++) {
        int64_t h = 0;
        int r = rc_hash(t->items[i], &h);
        if (r)
            return r;
        acc += (uint64_t)h * XXPRIME_2;
        acc = (acc << 31) | (acc >> 33);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->size ^ (XXPRIME_5 ^ 3527539ull);
    *out = acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
    return 0;
}

static rc_object *tuple_richcompare(rc_object *self, rc_object *other,
                                    rc_cmp op) {
    if (!rc__is_tuple(other))
        return rc__notimpl_of(self);
    return rc__cmp_object(rc__runtime_of(self),
                          rc__seq_compare(self, other, op));
}

static rc_object *tuple_repr(rc_object *o) {
    return rc__seq_repr(o, "(", ")");
}

static ptrdiff_t tuple_len(rc_object *o) {
    return (ptrdiff_t)((rc__tuple *)o)->size;
}

static rc_object *tuple_slice(rc_object *o, rc_object *slice) {
    rc__tuple *t = (rc__tuple *)o;
    ptrdiff_t start, stop, step;
    ptrdiff_t n = rc_slice_indices(slice, t->size, &start, &stop, &step);
    if (n < 0)
        return NULL;
    if (step == 1 && (size_t)n == t->size) {
        rc_incref(o);
        return o;
    }
    rc_object *r = rc_tuple_new(rc__runtime_of(o), (size_t)n);
    if (!r)
        return NULL;
    for (ptrdiff_t i = 0, j = start; i < n; i++, j += step) {
        rc_incref(t->items[j]);
        ((rc__tuple *)r)->items[i] = t->items[j];
    }
    return r;
}

static rc_object *tuple_getitem(rc_object *o, rc_object *key) {
    if (rc_is_slice(key))
        return tuple_slice(o, key);
    rc__tuple *t = (rc__tuple *)o;
    ptrdiff_t i = 0;
    if (rc__seq_index(key, "tuple", &i))
        return NULL;
    if (i < 0)
        i += (ptrdiff_t)t->size;
    if (i < 0 || (size_t)i >= t->size) {
        rc_set_error(rc__runtime_of(o), RC_EINDEX, "tuple index out of range");
        return NULL;
    }
    rc_incref(t->items[i]);
    return t->items[i];
}

static int tuple_contains(rc_object *o, rc_object *item) {
    rc__tuple *t = (rc__tuple *)o;
    for (size_t i = 0; i < t->size; i++) {
        int r = rc_equal(t->items[i], item);
        if (r)
            return r;
    }
    return 0;
}

static rc_object *tuple_concat(rc_object *a, rc_object *b) {
    rc__tuple *x = (rc__tuple *)a, *y = (rc__tuple *)b;
    if (y->size == 0 || x->size == 0) {
        rc_object *r = y->size == 0 ? a : b;
        rc_incref(r);
        return r;
    }
    rc_runtime *rt = rc__runtime_of(a);
    if (x->size > (size_t)PTRDIFF_MAX / sizeof(rc_object *) - y->size) {
        rc_set_error(rt, RC_ENOMEM, "tuple too large");
        return NULL;
    }
    rc_object *r = rc_tuple_new(rt, x->size + y->size);
    if (!r)
        return NULL;
    rc_object **out = ((rc__tuple *)r)->items;
    for (size_t i = 0; i < x->size; i++)
        rc_incref(out[i] = x->items[i]);
    for (size_t i = 0; i < y->size; i++)
        rc_incref(out[x->size + i] = y->items[i]);
    return r;
}

/* A tuple of n copies of the items. */
static rc_object *tuple_repeat(rc_object *o, ptrdiff_t n) {
    rc__tuple *t = (rc__tuple *)o;
    rc_runtime *rt = rc__runtime_of(o);
    if (t->size == 0 || n == 1) {
        rc_incref(o);
        return o;
    }
    if (n && t->size > (size_t)PTRDIFF_MAX / sizeof(rc_object *) / (size_t)n) {
        rc_set_error(rt, RC_ENOMEM, "tuple too large");
        return NULL;
    }
    rc_object *r = rc_tuple_new(rt, t->size * (size_t)n);
    if (!r)
        return NULL;
    rc_object **out = ((rc__tuple *)r)->items;
    for (size_t k = 0; k < (size_t)n; k++)
        for (size_t i = 0; i < t->size; i++)
            rc_incref(*out++ = t->items[i]);
    return r;
}

/* tuple + tuple, tuple * int, int * tuple; anything else declines (the
 * dispatcher then says "can only concatenate tuple ..."). */
static rc_object *tuple_binop(rc_object *a, rc_object *b, rc_binop op) {
    if (op == RC_OP_ADD && rc__is_tuple(a) && rc__is_tuple(b))
        return tuple_concat(a, b);
    rc_object *t = rc__is_tuple(a) ? a : b, *count = t == a ? b : a;
    ptrdiff_t n = 0;
    int r = op == RC_OP_MUL ? rc__repeat_count_opt(count, &n) : 0;
    if (r != 0)
        return r < 0 ? NULL : tuple_repeat(t, n);
    return rc__notimpl_of(t);
}

static const rc_protocol tuple_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .iter = rc__seq_iter,
    .binop = tuple_binop,
};

const rc_type rc__tuple_type = {
    .name = "tuple",
    .basicsize = sizeof(rc__tuple),
    .itemsize = sizeof(rc_object *),
    .flags = RC_TYPE_GC | RC__TYPE_UNTRACKABLE | RC__TYPE_ITEMS,
    .traverse = tuple_traverse,
    .dealloc = tuple_dealloc,
    .protocol = &tuple_protocol,
};

/* ====================================================================== */
/* Per-runtime state of the containers                                     */
/* ====================================================================== */

int rc__cont_init(rc_runtime *rt) {
    rc__cont_state *cs = rc__cont(rt);
    memset(cs, 0, sizeof *cs);
    rc_object *e = rc_new_var_untracked(rt, &rc__tuple_type, 0);
    if (!e)
        return RC_ENOMEM;
    rc_set_immortal(e);
    cs->empty_tuple = e;
    return 0;
}

void rc__cont_clear_freelists(rc_runtime *rt) {
    rc__tuple_clear_freelist(rt);
    rc__list_clear_freelist(rt);
    rc__dict_clear_freelist(rt);
}

void rc__cont_fini(rc_runtime *rt) {
    /* the immortal empty tuple's block goes with the heap */
    rc__cont(rt)->empty_tuple = NULL;
}
