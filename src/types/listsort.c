/*
 * listsort.c — list.sort(): a stable natural merge sort in the manner of
 * Timsort (Tim Peters' listsort.txt), without galloping.
 *
 * The array is cut into runs: maximal ascending stretches, or strictly
 * descending ones reversed in place (strictness keeps the sort stable);
 * runs shorter than minrun (32..64, chosen so that n / minrun is a power of
 * two or just under) are extended with a binary insertion sort. Runs go on
 * a stack whose lengths are kept growing at least like the Fibonacci
 * numbers (the invariant checks the top four entries, the fix of de Gouw
 * et al.), so at most 85 runs are pending and merges stay balanced. A
 * merge first skips the prefix of the left run and the suffix of the right
 * run already in place (binary search), then merges from the shorter
 * side through a buffer of n/2 slots allocated before anything moves.
 *
 * Contract (Python's): comparisons are "<" (rc_compare RC_LT) on the items
 * or on key(item); equal items keep their order, reverse=True included
 * (the list is reversed before and after sorting). While sorting, the list
 * appears empty; if it was changed meanwhile, RC_EVALUE "list modified
 * during sort" and the changes are dropped. A failing comparison or key
 * stops the sort with its error, untouched, and puts the items back in
 * their original order from a copy taken before sorting (Python leaves a
 * permutation; rcgc's failed calls change nothing); allocation failure
 * happens before anything moves and leaves the list unchanged.
 */
#include "cont.h"

#define MAX_RUNS 85

typedef struct run {
    size_t base, len;
} run;

typedef struct sorter {
    rc_object **keys; /* what comparisons look at */
    rc_object **vals; /* moved along with keys; NULL when keys are items */
    rc_object **tmp;  /* merge buffer for keys: n/2 + 1 slots */
    rc_object **tmpv; /* and for vals */
    run runs[MAX_RUNS];
    int nruns;
} sorter;

static int lt(rc_object *a, rc_object *b) {
    return rc_compare(a, b, RC_LT);
}

static void reverse_slots(rc_object **a, size_t lo, size_t hi) {
    for (; lo + 1 < hi; lo++, hi--) {
        rc_object *t = a[lo];
        a[lo] = a[hi - 1];
        a[hi - 1] = t;
    }
}

static void reverse_range(sorter *s, size_t lo, size_t hi) {
    reverse_slots(s->keys, lo, hi);
    if (s->vals)
        reverse_slots(s->vals, lo, hi);
}

/* ====================================================================== */
/* Runs                                                                    */
/* ====================================================================== */

/* Length of the run starting at lo (< hi); a strictly descending run is
 * reversed. Negative on a comparison error. */
static ptrdiff_t count_run(sorter *s, size_t lo, size_t hi) {
    rc_object **k = s->keys;
    if (hi - lo < 2)
        return 1;
    int c = lt(k[lo + 1], k[lo]);
    if (c < 0)
        return c;
    bool descending = c;
    size_t n = 2;
    for (; lo + n < hi; n++) {
        c = lt(k[lo + n], k[lo + n - 1]);
        if (c < 0)
            return c;
        if ((bool)c != descending)
            break;
    }
    if (descending)
        reverse_range(s, lo, lo + n);
    return (ptrdiff_t)n;
}

/* Sorts [lo, hi) given that [lo, start) is sorted: each next item is put
 * after the last item not greater than it. */
static int binary_insertion(sorter *s, size_t lo, size_t hi, size_t start) {
    rc_object **k = s->keys, **v = s->vals;
    for (size_t i = start; i < hi; i++) {
        rc_object *pivot = k[i];
        size_t l = lo, r = i;
        while (l < r) {
            size_t m = l + (r - l) / 2;
            int c = lt(pivot, k[m]);
            if (c < 0)
                return c;
            if (c)
                r = m;
            else
                l = m + 1;
        }
        memmove(k + l + 1, k + l, (i - l) * sizeof *k);
        k[l] = pivot;
        if (v) {
            rc_object *pv = v[i];
            memmove(v + l + 1, v + l, (i - l) * sizeof *v);
            v[l] = pv;
        }
    }
    return 0;
}

/* 32..64: n itself below 64, else the top six bits of n, plus one if any
 * lower bit is set. */
static size_t minrun_for(size_t n) {
    size_t extra = 0;
    while (n >= 64) {
        extra |= n & 1;
        n >>= 1;
    }
    return n + extra;
}

/* ====================================================================== */
/* Merging                                                                 */
/* ====================================================================== */

/* How many of the n keys at base are <= key (they precede key in a stable
 * merge when key comes from the right). */
static ptrdiff_t count_not_greater(sorter *s, rc_object *key, size_t base,
                                   size_t n) {
    size_t l = 0, r = n;
    while (l < r) {
        size_t m = l + (r - l) / 2;
        int c = lt(key, s->keys[base + m]);
        if (c < 0)
            return c;
        if (c)
            r = m;
        else
            l = m + 1;
    }
    return (ptrdiff_t)l;
}

/* How many of the n keys at base are < key. */
static ptrdiff_t count_less(sorter *s, rc_object *key, size_t base, size_t n) {
    size_t l = 0, r = n;
    while (l < r) {
        size_t m = l + (r - l) / 2;
        int c = lt(s->keys[base + m], key);
        if (c < 0)
            return c;
        if (c)
            l = m + 1;
        else
            r = m;
    }
    return (ptrdiff_t)l;
}

static void move(sorter *s, size_t to, rc_object **fk, rc_object **fv,
                 size_t from) {
    s->keys[to] = fk[from];
    if (s->vals)
        s->vals[to] = fv[from];
}

/* Merges A = [a, a + na) and B right after it, na <= nb, through the
 * buffer holding A. On error what is left of A fills the gap. */
static int merge_lo(sorter *s, size_t a, size_t na, size_t nb) {
    rc_object **k = s->keys, **v = s->vals;
    memcpy(s->tmp, k + a, na * sizeof *k);
    if (v)
        memcpy(s->tmpv, v + a, na * sizeof *v);
    size_t i = 0, j = a + na, d = a, end = a + na + nb;
    int r = 0;
    while (i < na && j < end) {
        int c = lt(k[j], s->tmp[i]);
        if (c < 0) {
            r = c;
            break;
        }
        if (c)
            move(s, d++, k, v, j++);
        else
            move(s, d++, s->tmp, s->tmpv, i++);
    }
    for (; i < na; i++)
        move(s, d++, s->tmp, s->tmpv, i);
    return r;
}

/* Merges A = [a, a + na) and B = [a + na, + nb), nb < na, from the right
 * through the buffer holding B. */
static int merge_hi(sorter *s, size_t a, size_t na, size_t nb) {
    rc_object **k = s->keys, **v = s->vals;
    size_t b = a + na;
    memcpy(s->tmp, k + b, nb * sizeof *k);
    if (v)
        memcpy(s->tmpv, v + b, nb * sizeof *v);
    size_t ra = na, rb = nb, d = b + nb;
    int r = 0;
    while (ra && rb) {
        int c = lt(s->tmp[rb - 1], k[a + ra - 1]);
        if (c < 0) {
            r = c;
            break;
        }
        if (c)
            move(s, --d, k, v, a + --ra);
        else
            move(s, --d, s->tmp, s->tmpv, --rb);
    }
    while (rb)
        move(s, --d, s->tmp, s->tmpv, --rb);
    return r;
}

/* Merges the runs at stack positions i and i + 1. */
static int merge_at(sorter *s, int i) {
    size_t a = s->runs[i].base, na = s->runs[i].len;
    size_t nb = s->runs[i + 1].len;
    s->runs[i].len = na + nb;
    if (i == s->nruns - 3)
        s->runs[i + 1] = s->runs[i + 2];
    s->nruns--;
    /* A's items not greater than B's first are in place already */
    ptrdiff_t skip = count_not_greater(s, s->keys[a + na], a, na);
    if (skip < 0)
        return (int)skip;
    a += (size_t)skip;
    na -= (size_t)skip;
    if (na == 0)
        return 0;
    /* and so are B's items not less than A's last */
    ptrdiff_t keep = count_less(s, s->keys[a + na - 1], a + na, nb);
    if (keep <= 0)
        return (int)keep;
    nb = (size_t)keep;
    return na <= nb ? merge_lo(s, a, na, nb) : merge_hi(s, a, na, nb);
}

/* Restores the stack invariant: for the top runs X, Y, Z (Z topmost),
 * |X| > |Y| + |Z| and |Y| > |Z|, also one level deeper. */
static int merge_collapse(sorter *s) {
    while (s->nruns > 1) {
        int n = s->nruns - 2;
        run *p = s->runs;
        int r;
        if ((n > 0 && p[n - 1].len <= p[n].len + p[n + 1].len) ||
            (n > 1 && p[n - 2].len <= p[n - 1].len + p[n].len)) {
            if (p[n - 1].len < p[n + 1].len)
                n--;
            r = merge_at(s, n);
        } else if (p[n].len <= p[n + 1].len) {
            r = merge_at(s, n);
        } else {
            break;
        }
        if (r)
            return r;
    }
    return 0;
}

static int merge_force_collapse(sorter *s) {
    while (s->nruns > 1) {
        int n = s->nruns - 2;
        if (n > 0 && s->runs[n - 1].len < s->runs[n + 1].len)
            n--;
        int r = merge_at(s, n);
        if (r)
            return r;
    }
    return 0;
}

static int timsort(sorter *s, size_t n) {
    size_t minrun = minrun_for(n);
    for (size_t lo = 0; lo < n;) {
        ptrdiff_t len = count_run(s, lo, n);
        if (len < 0)
            return (int)len;
        if ((size_t)len < minrun) {
            size_t force = n - lo < minrun ? n - lo : minrun;
            int r = binary_insertion(s, lo, lo + force, lo + (size_t)len);
            if (r)
                return r;
            len = (ptrdiff_t)force;
        }
        s->runs[s->nruns++] = (run){lo, (size_t)len};
        int r = merge_collapse(s);
        if (r)
            return r;
        lo += (size_t)len;
    }
    return merge_force_collapse(s);
}

/* ====================================================================== */
/* list.sort                                                               */
/* ====================================================================== */

typedef rc_object *(*keyfn)(rc_object *item, void *arg);

/* Buffers for sorting n items: the merge buffer (twice as large with
 * keys) and the copy of the items' order, in one block; the key array.
 * 0, or RC_ENOMEM with nothing allocated. */
typedef struct buffers {
    rc_object **tmp, **orig, **keys;
    size_t ntmp, norig, nkeys;
} buffers;

static int buffers_get(rc_runtime *rt, buffers *b, size_t n, bool with_keys) {
    b->ntmp = n < 2 ? 0 : (n / 2 + 1) * (with_keys ? 2 : 1);
    b->norig = n < 2 ? 0 : n;
    b->nkeys = with_keys ? n : 0;
    b->tmp = b->orig = b->keys = NULL;
    size_t block = (b->ntmp + b->norig) * sizeof *b->tmp;
    if (block && !(b->tmp = rc_malloc(rt, block)))
        return RC_ENOMEM;
    if (b->nkeys && !(b->keys = rc_malloc(rt, b->nkeys * sizeof *b->keys))) {
        rc_free(rt, b->tmp, block);
        return RC_ENOMEM;
    }
    b->orig = b->tmp ? b->tmp + b->ntmp : NULL;
    return 0;
}

static void buffers_free(rc_runtime *rt, buffers *b) {
    rc_free(rt, b->tmp, (b->ntmp + b->norig) * sizeof *b->tmp);
    rc_free(rt, b->keys, b->nkeys * sizeof *b->keys);
}

/* key(item) for each item; on failure the keys made so far are dropped. */
static int compute_keys(rc_runtime *rt, rc_object **items, rc_object **keys,
                        size_t n, keyfn key, void *arg) {
    for (size_t i = 0; i < n; i++) {
        keys[i] = key(items[i], arg);
        if (!keys[i]) {
            while (i-- > 0)
                rc_decref(keys[i]);
            rc_status e = rc_last_error(rt);
            return e != RC_OK ? e
                              : rc_set_error(rt, RC_EVALUE,
                                             "sort key function failed");
        }
    }
    return 0;
}

/* Puts the sorted items back; drops whatever the list got meanwhile. */
static int reattach(rc__list *l, rc_object **items, size_t n, size_t cap,
                    size_t epoch, int r) {
    rc_runtime *rt = rc__runtime_of(&l->ob);
    rc_object **extra = l->items;
    size_t nextra = l->size, capextra = l->cap;
    bool modified = extra || nextra || l->epoch != epoch;
    l->items = items;
    l->size = n;
    l->cap = cap;
    l->epoch++;
    for (size_t i = nextra; i-- > 0;)
        rc_decref(extra[i]);
    rc_free(rt, extra, capextra * sizeof *extra);
    if (modified && r == 0)
        r = rc_set_error(rt, RC_EVALUE, "list modified during sort");
    return r;
}

/* Sorts the detached items (and keys), reverse handled by reversing. */
static int sort_detached(rc_object **items, rc_object **keys, buffers *b,
                         size_t n, bool reverse) {
    sorter s = {.keys = keys ? keys : items,
                .vals = keys ? items : NULL,
                .tmp = b->tmp,
                .tmpv = keys && b->tmp ? b->tmp + b->ntmp / 2 : NULL};
    if (reverse)
        reverse_range(&s, 0, n);
    int r = n < 2 ? 0 : timsort(&s, n);
    if (reverse)
        reverse_range(&s, 0, n);
    return r;
}

int rc_list_sort(rc_object *list, keyfn key, void *arg, bool reverse) {
    rc_runtime *rt = rc__runtime_of(list);
    if (!rc__is_list(list))
        return rc_set_error(rt, RC_ETYPE,
                            "descriptor 'sort' requires a 'list' object but "
                            "received a '%s'",
                            rc_type_name(list));
    rc__list *l = (rc__list *)list;
    buffers b;
    size_t n;
    do { /* a collection during the allocation may change the list */
        n = l->size;
        if (buffers_get(rt, &b, n, key != NULL))
            return RC_ENOMEM;
        if (l->size != n)
            buffers_free(rt, &b);
    } while (l->size != n);
    rc_object **items = l->items;
    size_t cap = l->cap, epoch = ++l->epoch;
    l->items = NULL;
    l->size = l->cap = 0;
    int r = key ? compute_keys(rt, items, b.keys, n, key, arg) : 0;
    if (r == 0) {
        if (b.orig)
            memcpy(b.orig, items, n * sizeof *items);
        r = sort_detached(items, b.keys, &b, n, reverse);
        if (r && b.orig)
            memcpy(items, b.orig, n * sizeof *items);
        for (size_t i = 0; i < b.nkeys; i++)
            rc_decref(b.keys[i]);
    }
    r = reattach(l, items, n, cap, epoch, r);
    buffers_free(rt, &b);
    return r;
}
