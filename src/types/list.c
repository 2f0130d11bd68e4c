/*
 * list.c — list: a mutable array of references (sorting is in listsort.c).
 *
 * Invariants. items[0, size) are owned references; cap slots are allocated
 * (items is NULL when cap is 0). Growth over-allocates like CPython's
 * list_resize: about size/8 + 6 spare slots, rounded to a multiple of 4,
 * so appends are amortised O(1); removals give memory back once at most
 * half the slots are used. A list is tracked from creation. Freed lists go
 * to a free list of 80 objects (their item arrays are freed).
 *
 * Every operation leaves the list consistent before it calls out (a
 * decref, an equality test, an allocation — which may run a collection and
 * its finalizers): removed items are decref'd only after the list no longer
 * holds them, and sizes and item pointers are re-read after each call-out.
 * Operations that can fail on allocation make their allocations before
 * they change anything, so a failure leaves the list unchanged; extend()
 * from an iterator removes what it appended when it fails.
 */
#include "cont.h"

#define L(o) ((rc__list *)(o))

/* Most items a list may hold: capacity arithmetic below cannot overflow. */
#define MAX_ITEMS ((size_t)PTRDIFF_MAX / sizeof(rc_object *) / 2)

/* Result of an internal step that found the list changed by a call-out:
 * the caller starts over with fresh indices. */
#define RETRY 1

static int not_a_list(const rc_object *o, const char *what) {
    return rc_set_error(rc__runtime_of(o), RC_ETYPE,
                        "descriptor '%s' requires a 'list' object but "
                        "received a '%s'",
                        what, rc_type_name(o));
}

#define CHECK_LIST(o, what)                                                    \
    do {                                                                       \
        if (!rc__is_list(o))                                                   \
            return not_a_list((o), (what));                                    \
    } while (0)

/* ====================================================================== */
/* Capacity                                                                */
/* ====================================================================== */

/* Slots to allocate for newsize items when growing from oldsize: newsize
 * plus an eighth plus 6, rounded down to a multiple of 4; a single large
 * jump gets only the rounding. */
static size_t capacity_for(size_t oldsize, size_t newsize) {
    if (newsize == 0)
        return 0;
    size_t cap = (newsize + (newsize >> 3) + 6) & ~(size_t)3;
    if (newsize > oldsize && newsize - oldsize > cap - newsize)
        cap = (newsize + 3) & ~(size_t)3;
    return cap;
}

/* Room for extra more items: 0, or RC_ENOMEM with the list unchanged. */
static int list_reserve(rc__list *l, size_t extra) {
    rc_runtime *rt = rc__runtime_of(&l->ob);
    for (;;) {
        size_t size = l->size, epoch = l->epoch;
        if (extra > MAX_ITEMS - size)
            return rc_set_error(rt, RC_ENOMEM, "list too large");
        if (size + extra <= l->cap)
            return 0;
        size_t cap = capacity_for(size, size + extra);
        rc_object **buf =
            l->items ? rc__mem_resize(rt, l->items, l->cap * sizeof *buf,
                                      cap * sizeof *buf)
                     : NULL;
        if (buf) { /* resized in place: no call-out happened */
            l->items = buf;
            l->cap = cap;
            l->epoch++;
            return 0;
        }
        buf = rc_malloc(rt, cap * sizeof *buf);
        if (!buf)
            return RC_ENOMEM;
        if (l->epoch != epoch || l->size != size) { /* changed meanwhile */
            rc_free(rt, buf, cap * sizeof *buf);
            continue;
        }
        if (size)
            memcpy(buf, l->items, size * sizeof *buf);
        rc_free(rt, l->items, l->cap * sizeof *buf);
        l->items = buf;
        l->cap = cap;
        l->epoch++;
        return 0;
    }
}

/* Gives memory back when at most half the slots are used. Never fails:
 * when memory is refused the list keeps its larger array. */
static void list_shrink(rc__list *l) {
    if (l->size >= l->cap / 2)
        return;
    rc_runtime *rt = rc__runtime_of(&l->ob);
    size_t size = l->size, epoch = l->epoch;
    size_t cap = capacity_for(size, size);
    rc_object **buf = NULL;
    if (cap) {
        rc__guard saved; /* a refused shrink is nobody's error; an error
                            being returned (an object too) stays */
        rc__guard_enter(rt, &saved);
        buf = rc_malloc(rt, cap * sizeof *buf);
        rc__guard_restore(rt, &saved);
        if (!buf)
            return;
        if (l->epoch != epoch || l->size != size) {
            rc_free(rt, buf, cap * sizeof *buf);
            return;
        }
        memcpy(buf, l->items, size * sizeof *buf);
    }
    rc_free(rt, l->items, l->cap * sizeof *buf);
    l->items = buf;
    l->cap = cap;
    l->epoch++;
}

/* Detaches the items (the list becomes empty), then drops them. */
static void list_clear_items(rc__list *l) {
    rc_object **items = l->items;
    size_t n = l->size, cap = l->cap;
    if (!items)
        return;
    l->items = NULL;
    l->size = l->cap = 0;
    l->epoch++;
    for (size_t i = n; i-- > 0;)
        rc_decref(items[i]);
    rc_free(rc__runtime_of(&l->ob), items, cap * sizeof *items);
}

/* Removes the item at i (i < size) and drops it. */
static void delete_at(rc__list *l, size_t i) {
    rc_object *x = l->items[i];
    memmove(l->items + i, l->items + i + 1,
            (l->size - i - 1) * sizeof *l->items);
    l->size--;
    list_shrink(l);
    rc_decref(x);
}

/* Drops items past n, last first (the list never holds a dropped item). */
static void truncate_to(rc__list *l, size_t n) {
    while (l->size > n) {
        rc_object *x = l->items[--l->size];
        rc_decref(x);
    }
    list_shrink(l);
}

/* ====================================================================== */
/* Construction, destruction, the free list                                */
/* ====================================================================== */

rc_object *rc_list_new(rc_runtime *rt) {
    rc__cont_state *cs = rc__cont(rt);
    if (cs->list_nfree) {
        rc_object *o = cs->list_free[--cs->list_nfree];
        rc__revive(o);
        L(o)->size = L(o)->cap = 0;
        L(o)->items = NULL;
        rc_gc_track(o);
        return o;
    }
    return rc_new(rt, &rc__list_type);
}

static void list_dealloc(rc_object *o) {
    list_clear_items(L(o));
    rc_runtime *rt = rc__runtime_of(o);
    if (rt->tearing_down || !rt->types)
        return;
    rc__cont_state *cs = rc__cont(rt);
    if (cs->list_nfree < RC__LIST_FREELIST_MAX) {
        cs->list_free[cs->list_nfree++] = o;
        o->flags |= RC__F_KEEP;
    }
}

void rc__list_clear_freelist(rc_runtime *rt) {
    rc__cont_state *cs = rc__cont(rt);
    while (cs->list_nfree) {
        rc__gc_free_counted(rt);
        rc__obj_free(rt, cs->list_free[--cs->list_nfree]);
    }
}

rc_object *rc_list_from_array(rc_runtime *rt, rc_object *const *items,
                              size_t n) {
    rc_object *o = rc_list_new(rt);
    if (!o)
        return NULL;
    if (list_reserve(L(o), n)) {
        rc_decref(o);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        rc_incref(items[i]);
        L(o)->items[i] = items[i];
    }
    L(o)->size = n;
    return o;
}

/* ====================================================================== */
/* Single items                                                            */
/* ====================================================================== */

bool rc_is_list(const rc_object *o) {
    return rc__is_list(o);
}

size_t rc_list_size(const rc_object *list) {
    return L(list)->size;
}

/* i normalised against size (negative counts from the end); false when
 * out of range. */
static bool normalise(ptrdiff_t *i, size_t size) {
    if (*i < 0)
        *i += (ptrdiff_t)size;
    return *i >= 0 && (size_t)*i < size;
}

rc_object *rc_list_get(const rc_object *list, ptrdiff_t i) {
    if (!rc__is_list(list)) {
        not_a_list(list, "__getitem__");
        return NULL;
    }
    if (!normalise(&i, L(list)->size)) {
        rc_set_error(rc__runtime_of(list), RC_EINDEX,
                     "list index out of range");
        return NULL;
    }
    return L(list)->items[i];
}

int rc_list_set(rc_object *list, ptrdiff_t i, rc_object *item) {
    CHECK_LIST(list, "__setitem__");
    rc__list *l = L(list);
    if (!normalise(&i, l->size))
        return rc_set_error(rc__runtime_of(list), RC_EINDEX,
                            "list assignment index out of range");
    rc_object *old = l->items[i];
    rc_incref(item);
    l->items[i] = item;
    rc_decref(old);
    return 0;
}

int rc_list_append(rc_object *list, rc_object *item) {
    CHECK_LIST(list, "append");
    rc__list *l = L(list);
    if (l->size == l->cap) {
        int r = list_reserve(l, 1);
        if (r)
            return r;
    }
    rc_incref(item);
    l->items[l->size++] = item;
    return 0;
}

int rc_list_insert(rc_object *list, ptrdiff_t i, rc_object *item) {
    CHECK_LIST(list, "insert");
    rc__list *l = L(list);
    int r = list_reserve(l, 1);
    if (r)
        return r;
    size_t n = l->size;
    if (i < 0) {
        i += (ptrdiff_t)n;
        if (i < 0)
            i = 0;
    }
    size_t at = (size_t)i > n ? n : (size_t)i;
    memmove(l->items + at + 1, l->items + at, (n - at) * sizeof *l->items);
    rc_incref(item);
    l->items[at] = item;
    l->size = n + 1;
    return 0;
}

rc_object *rc_list_pop(rc_object *list, ptrdiff_t i) {
    if (!rc__is_list(list)) {
        not_a_list(list, "pop");
        return NULL;
    }
    rc__list *l = L(list);
    rc_runtime *rt = rc__runtime_of(list);
    if (l->size == 0) {
        rc_set_error(rt, RC_EINDEX, "pop from empty list");
        return NULL;
    }
    if (!normalise(&i, l->size)) {
        rc_set_error(rt, RC_EINDEX, "pop index out of range");
        return NULL;
    }
    rc_object *x = l->items[i];
    memmove(l->items + i, l->items + i + 1,
            (l->size - (size_t)i - 1) * sizeof *l->items);
    l->size--;
    list_shrink(l);
    return x;
}

/* The first index holding an item equal to x: 1 and *at, 0, or negative. */
static int find(rc__list *l, rc_object *x, size_t *at) {
    for (size_t i = 0; i < l->size; i++) {
        rc_object *y = l->items[i];
        rc_incref(y);
        int c = rc_equal(y, x);
        rc_decref(y);
        if (c) {
            *at = i;
            return c;
        }
    }
    return 0;
}

int rc_list_remove(rc_object *list, rc_object *item) {
    CHECK_LIST(list, "remove");
    rc__list *l = L(list);
    size_t i;
    int r = find(l, item, &i);
    if (r < 0)
        return r;
    if (r == 0)
        return rc_set_error(rc__runtime_of(list), RC_EVALUE,
                            "list.remove(x): x not in list");
    if (i < l->size)
        delete_at(l, i);
    return 0;
}

ptrdiff_t rc_list_index(rc_object *list, rc_object *item) {
    CHECK_LIST(list, "index");
    size_t i;
    int r = find(L(list), item, &i);
    if (r > 0)
        return (ptrdiff_t)i;
    if (r < 0)
        return r;
    rc_runtime *rt = rc__runtime_of(list);
    rc_object *s = rc_repr(item);
    if (!s)
        return rc_last_error(rt);
    r = rc_set_error(rt, RC_EVALUE, "%s is not in list", rc_str_utf8(s));
    rc_decref(s);
    return r;
}

int rc_list_reverse(rc_object *list) {
    CHECK_LIST(list, "reverse");
    rc__list *l = L(list);
    for (size_t i = 0, j = l->size; i + 1 < j; i++, j--) {
        rc_object *t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
    return 0;
}

int rc_list_clear(rc_object *list) {
    CHECK_LIST(list, "clear");
    list_clear_items(L(list));
    return 0;
}

/* ====================================================================== */
/* extend                                                                  */
/* ====================================================================== */

/* Appends the items of a tuple or list (l itself included). */
static int extend_seq(rc__list *l, rc_object *src) {
    for (;;) {
        size_t n;
        rc__seq_items(src, &n);
        if (n == 0)
            return 0;
        int r = list_reserve(l, n);
        if (r)
            return r;
        size_t now;
        rc_object **s = rc__seq_items(src, &now);
        if (now != n || l->cap - l->size < n)
            continue; /* changed by a collection during the allocation */
        rc_object **d = l->items + l->size;
        for (size_t i = 0; i < n; i++) {
            rc_incref(s[i]);
            d[i] = s[i];
        }
        l->size += n;
        return 0;
    }
}

/* Appends what an iterator yields; on failure removes it again. */
static int extend_iter(rc__list *l, rc_object *iterable) {
    rc_runtime *rt = rc__runtime_of(&l->ob);
    rc_object *it = rc_iter(iterable);
    if (!it)
        return rc_last_error(rt);
    size_t orig = l->size;
    rc_object *x;
    int r;
    while ((r = rc_next(it, &x)) == 1) {
        r = rc_list_append(&l->ob, x);
        rc_decref(x);
        if (r)
            break;
    }
    rc_decref(it);
    if (r < 0 && l->size > orig)
        truncate_to(l, orig);
    return r < 0 ? r : 0;
}

int rc_list_extend(rc_object *list, rc_object *iterable) {
    CHECK_LIST(list, "extend");
    if (rc__is_list(iterable) || rc__is_tuple(iterable))
        return extend_seq(L(list), iterable);
    return extend_iter(L(list), iterable);
}

/* ====================================================================== */
/* Slices                                                                  */
/* ====================================================================== */

static rc_object *list_getslice(rc_object *o, rc_object *slice) {
    rc_object *r = rc_list_new(rc__runtime_of(o));
    if (!r)
        return NULL;
    for (;;) {
        ptrdiff_t start, stop, step;
        size_t size = L(o)->size;
        ptrdiff_t n = rc_slice_indices(slice, size, &start, &stop, &step);
        if (n < 0 || list_reserve(L(r), (size_t)n)) {
            rc_decref(r);
            return NULL;
        }
        if (L(o)->size != size)
            continue;
        for (ptrdiff_t k = 0, j = start; k < n; k++, j += step) {
            rc_incref(L(o)->items[j]);
            L(r)->items[k] = L(o)->items[j];
        }
        L(r)->size = (size_t)n;
        return r;
    }
}

/* Room for n saved references: the stack buffer or a new block. */
static rc_object **recycle_buf(rc_runtime *rt, rc_object **stackbuf, size_t n) {
    return n <= 8 ? stackbuf : rc_malloc(rt, n * sizeof(rc_object *));
}

/* Drops the saved references (last first) and frees the buffer. */
static void recycle_drop(rc_runtime *rt, rc_object **buf, rc_object **stackbuf,
                         size_t n, bool decref) {
    for (size_t k = n; decref && k-- > 0;)
        rc_decref(buf[k]);
    if (buf != stackbuf)
        rc_free(rt, buf, n * sizeof *buf);
}

/* Replaces items [lo, hi) of a list of `size` items with m new references
 * to src[0, m): 0, RETRY when a collection changed the list during an
 * allocation, or RC_ENOMEM with the list unchanged. */
static int replace_range(rc__list *l, size_t size, size_t lo, size_t hi,
                         rc_object *const *src, size_t m) {
    rc_runtime *rt = rc__runtime_of(&l->ob);
    size_t norig = hi - lo;
    rc_object *stackbuf[8];
    rc_object **old = recycle_buf(rt, stackbuf, norig);
    if (!old)
        return RC_ENOMEM;
    int r = m > norig ? list_reserve(l, m - norig) : 0;
    if (r || l->size != size) {
        recycle_drop(rt, old, stackbuf, norig, false);
        return r ? r : RETRY;
    }
    rc_object **items = l->items;
    if (norig)
        memcpy(old, items + lo, norig * sizeof *old);
    if (size > hi && m != norig)
        memmove(items + lo + m, items + hi, (size - hi) * sizeof *items);
    for (size_t k = 0; k < m; k++) {
        rc_incref(src[k]);
        items[lo + k] = src[k];
    }
    l->size = size - norig + m;
    if (m < norig)
        list_shrink(l);
    recycle_drop(rt, old, stackbuf, norig, true);
    return 0;
}

/* Assigns n new references to items start, start + step, ... */
static int replace_extended(rc__list *l, size_t size, ptrdiff_t start,
                            ptrdiff_t step, rc_object *const *src, size_t n) {
    rc_runtime *rt = rc__runtime_of(&l->ob);
    rc_object *stackbuf[8];
    rc_object **old = recycle_buf(rt, stackbuf, n);
    if (!old)
        return RC_ENOMEM;
    if (l->size != size) {
        recycle_drop(rt, old, stackbuf, n, false);
        return RETRY;
    }
    for (size_t k = 0; k < n; k++) {
        ptrdiff_t j = start + (ptrdiff_t)k * step;
        old[k] = l->items[j];
        rc_incref(src[k]);
        l->items[j] = src[k];
    }
    recycle_drop(rt, old, stackbuf, n, true);
    return 0;
}

/* Removes the n items start, start + step, ... (step != 1). */
static int delete_extended(rc__list *l, size_t size, ptrdiff_t start,
                           ptrdiff_t step, size_t n) {
    rc_runtime *rt = rc__runtime_of(&l->ob);
    if (step < 0) {
        start += step * (ptrdiff_t)(n - 1);
        step = -step;
    }
    rc_object *stackbuf[8];
    rc_object **old = recycle_buf(rt, stackbuf, n);
    if (!old)
        return RC_ENOMEM;
    if (l->size != size) {
        recycle_drop(rt, old, stackbuf, n, false);
        return RETRY;
    }
    size_t k = 0, dst = (size_t)start;
    for (size_t i = (size_t)start; i < size; i++) {
        if (k < n && i == (size_t)start + k * (size_t)step)
            old[k++] = l->items[i];
        else
            l->items[dst++] = l->items[i];
    }
    l->size = size - n;
    list_shrink(l);
    recycle_drop(rt, old, stackbuf, n, true);
    return 0;
}

/* list[slice] = src (a tuple), or del list[slice] when src is NULL. */
static int assign_slice(rc__list *l, rc_object *slice, rc_object *src) {
    rc_runtime *rt = rc__runtime_of(&l->ob);
    size_t m = src ? ((rc__tuple *)src)->size : 0;
    rc_object *const *items = src ? ((rc__tuple *)src)->items : NULL;
    int r;
    do {
        ptrdiff_t start, stop, step;
        size_t size = l->size;
        ptrdiff_t n = rc_slice_indices(slice, size, &start, &stop, &step);
        if (n < 0)
            return (int)n;
        if (step == 1) {
            size_t hi = stop < start ? (size_t)start : (size_t)stop;
            r = replace_range(l, size, (size_t)start, hi, items, m);
        } else if (!src) {
            r = n ? delete_extended(l, size, start, step, (size_t)n) : 0;
        } else if ((size_t)n != m) {
            return rc_set_error(rt, RC_EVALUE,
                                "attempt to assign sequence of size %zu to "
                                "extended slice of size %zd",
                                m, n);
        } else {
            r = replace_extended(l, size, start, step, items, m);
        }
    } while (r == RETRY);
    return r;
}

static bool unit_step(rc_object *slice) {
    ptrdiff_t start, stop, step;
    return rc_slice_indices(slice, 0, &start, &stop, &step) < 0 || step == 1;
}

static int list_setslice(rc_object *o, rc_object *slice, rc_object *value) {
    rc_runtime *rt = rc__runtime_of(o);
    const char *msg = unit_step(slice) ? "can only assign an iterable"
                                       : "must assign iterable to extended "
                                         "slice";
    rc_object *src = rc__tuple_from_iterable(rt, value, msg);
    if (!src)
        return rc_last_error(rt);
    int r = assign_slice(L(o), slice, src);
    rc_decref(src);
    return r;
}

/* ====================================================================== */
/* The protocol                                                            */
/* ====================================================================== */

static rc_object *list_getitem(rc_object *o, rc_object *key) {
    if (rc_is_slice(key))
        return list_getslice(o, key);
    ptrdiff_t i = 0;
    if (rc__seq_index(key, "list", &i))
        return NULL;
    rc_object *x = rc_list_get(o, i);
    if (x)
        rc_incref(x);
    return x;
}

static int list_setitem(rc_object *o, rc_object *key, rc_object *value) {
    if (rc_is_slice(key))
        return list_setslice(o, key, value);
    ptrdiff_t i = 0;
    int r = rc__seq_index(key, "list", &i);
    return r ? r : rc_list_set(o, i, value);
}

static int list_delitem(rc_object *o, rc_object *key) {
    if (rc_is_slice(key))
        return assign_slice(L(o), key, NULL);
    ptrdiff_t i = 0;
    int r = rc__seq_index(key, "list", &i);
    if (r)
        return r;
    if (!normalise(&i, L(o)->size))
        return rc_set_error(rc__runtime_of(o), RC_EINDEX,
                            "list assignment index out of range");
    delete_at(L(o), (size_t)i);
    return 0;
}

/* Last item first, as CPython's (objgraph's pictures depend on it). */
static int list_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rc__list *l = L(o);
    for (size_t i = l->size; i-- > 0;) {
        int r = visit(l->items[i], arg);
        if (r)
            return r;
    }
    return 0;
}

static int list_clear(rc_object *o) {
    list_clear_items(L(o));
    return 0;
}

static rc_object *list_richcompare(rc_object *self, rc_object *other,
                                   rc_cmp op) {
    if (!rc__is_list(other))
        return rc__notimpl_of(self);
    return rc__cmp_object(rc__runtime_of(self),
                          rc__seq_compare(self, other, op));
}

static rc_object *list_repr(rc_object *o) {
    return rc__seq_repr(o, "[", "]");
}

static ptrdiff_t list_len(rc_object *o) {
    return (ptrdiff_t)L(o)->size;
}

static size_t list_extra_size(const rc_object *o) {
    return L(o)->cap * sizeof(rc_object *);
}

static int list_contains(rc_object *o, rc_object *item) {
    size_t i;
    return find(L(o), item, &i);
}

/* A new list of `times` copies of the items of a, then of b (b may be
 * NULL). */
static rc_object *list_concat_n(rc_object *a, size_t times, rc_object *b) {
    rc_runtime *rt = rc__runtime_of(a);
    rc_object *r = rc_list_new(rt);
    for (;;) {
        if (!r)
            return NULL;
        size_t na = L(a)->size, nb = b ? L(b)->size : 0;
        if (na && times > MAX_ITEMS / na) {
            rc_set_error(rt, RC_ENOMEM, "list too large");
            rc_decref(r);
            return NULL;
        }
        if (list_reserve(L(r), na * times + nb)) {
            rc_decref(r);
            return NULL;
        }
        if (L(a)->size != na || (b && L(b)->size != nb))
            continue;
        rc_object **out = L(r)->items;
        for (size_t k = 0; k < times; k++)
            for (size_t i = 0; i < na; i++)
                rc_incref(*out++ = L(a)->items[i]);
        for (size_t i = 0; i < nb; i++)
            rc_incref(*out++ = L(b)->items[i]);
        L(r)->size = na * times + nb;
        return r;
    }
}

static rc_object *list_repeat(rc_object *o, ptrdiff_t n) {
    return list_concat_n(o, (size_t)n, NULL);
}

/* list + list, list * int, int * list; anything else declines (the
 * dispatcher then says "can only concatenate list ..."). */
static rc_object *list_binop(rc_object *a, rc_object *b, rc_binop op) {
    if (op == RC_OP_ADD && rc__is_list(a) && rc__is_list(b))
        return list_concat_n(a, 1, b);
    rc_object *l = rc__is_list(a) ? a : b, *count = l == a ? b : a;
    ptrdiff_t n = 0;
    int r = op == RC_OP_MUL ? rc__repeat_count_opt(count, &n) : 0;
    if (r != 0)
        return r < 0 ? NULL : list_repeat(l, n);
    return rc__notimpl_of(l);
}

/* list *= n: the items n times over, in place (cleared for n <= 0). */
static int repeat_in_place(rc__list *l, ptrdiff_t n) {
    int r = 0;
    if (n == 1)
        return 0;
    if (n <= 0 || l->size == 0) {
        list_clear_items(l);
        return 0;
    }
    for (;;) {
        size_t size = l->size;
        if (size > MAX_ITEMS / (size_t)n)
            return rc_set_error(rc__runtime_of(&l->ob), RC_ENOMEM,
                                "list too large");
        if ((r = list_reserve(l, size * ((size_t)n - 1))))
            return r;
        if (l->size != size)
            continue; /* changed by a collection during the allocation */
        for (size_t k = 1; k < (size_t)n; k++)
            for (size_t i = 0; i < size; i++)
                rc_incref(l->items[k * size + i] = l->items[i]);
        l->size = size * (size_t)n;
        return 0;
    }
}

/* list += iterable (extend), list *= int (repeat). Python asks the right
 * operand's own operator (__radd__) before a list extends itself with it,
 * so a type that has one is asked first. */
static rc_object *list_inplace(rc_object *self, rc_object *other, rc_binop op) {
    int r;
    if (op == RC_OP_ADD) {
        const rc_protocol *p = other->type->protocol;
        if (!rc__is_list(other) && p && p->binop) {
            rc_object *x = p->binop(self, other, op);
            if (!x || !rc__is_notimpl(x))
                return x;
        }
        r = rc_list_extend(self, other);
    } else if (op == RC_OP_MUL) {
        ptrdiff_t n = 0;
        int k = rc__repeat_count_opt(other, &n);
        if (k == 0)
            return rc__notimpl_of(self);
        r = k < 0 ? k : repeat_in_place(L(self), n);
    } else {
        return rc__notimpl_of(self);
    }
    return rc__self_or_null(self, r);
}

static const rc_protocol list_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = list_repr,
    .hash = rc__unhashable,
    .richcompare = list_richcompare,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .delitem = list_delitem,
    .contains = list_contains,
    .iter = rc__seq_iter,
    .binop = list_binop,
    .inplace = list_inplace,
    .extra_size = list_extra_size,
};

const rc_type rc__list_type = {
    .name = "list",
    .basicsize = sizeof(rc__list),
    .flags = RC_TYPE_GC | RC__TYPE_ITEMS,
    .traverse = list_traverse,
    .clear = list_clear,
    .dealloc = list_dealloc,
    .protocol = &list_protocol,
};
