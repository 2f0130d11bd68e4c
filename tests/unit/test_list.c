/* test_list.c — list: identity and reference counts (seed 001), every
 * method against a plain array model under random operation sequences,
 * CPython's growth pattern, the sort (order, stability, reverse, keys,
 * failing comparisons and keys, mutation during the sort), slices, repr,
 * the free list, cycles and deep nesting. */
#define CONTCHECK_FIXTURE /* a runtime per test: rt, setup, teardown */
#include "contcheck.h"

static rc_object *list_of(int n, const int64_t *v) {
    rc_object *l = rc_list_new(rt);
    for (int i = 0; i < n; i++) {
        rc_object *x = I(rt, v[i]);
        assert_int_equal(rc_list_append(l, x), 0);
        rc_decref(x);
    }
    return l;
}

/* ====================================================================== */
/* Seed 001                                                                */
/* ====================================================================== */

static void identity_and_counts(void **state) {
    (void)state;
    rc_object *a = rc_list_new(rt), *b = rc_list_new(rt);
    assert_ptr_not_equal(a, b); /* a = []; b = []; a is b -> False */
    assert_int_equal(rc_refcnt(a), 1);
    size_t before = rc_refcnt(a);
    rc_object *c = rc_list_new(rt); /* c = [a, a] */
    rc_list_append(c, a);
    rc_list_append(c, a);
    assert_int_equal(rc_refcnt(a), before + 2);
    rc_object *p = rc_list_pop(c, 0); /* the popped reference is ours */
    assert_int_equal(rc_refcnt(a), before + 2);
    rc_decref(p);
    assert_int_equal(rc_refcnt(a), before + 1);
    rc_decref(c); /* destroying the container drops its references */
    assert_int_equal(rc_refcnt(a), before);
    rc_decref(a), rc_decref(b);
}

/* ====================================================================== */
/* Single methods and their messages                                       */
/* ====================================================================== */

static void methods_and_messages(void **state) {
    (void)state;
    static const int64_t v[] = {1, 2, 3};
    rc_object *l = list_of(3, v), *x;
    rc_object *five = I(rt, 5), *nine = I(rt, 9);
    assert_int_equal(rc_list_insert(l, -100, five), 0);
    assert_int_equal(rc_list_insert(l, 100, nine), 0);
    assert_int_equal(rc_list_insert(l, -1, nine), 0);
    assert_repr(l, "[5, 1, 2, 3, 9, 9]");
    assert_int_equal(rc_list_index(l, nine), 4);
    assert_int_equal(rc_list_remove(l, nine), 0);
    assert_repr(l, "[5, 1, 2, 3, 9]");
    x = rc_list_pop(l, -1);
    assert_int_equal(int_of(x), 9);
    rc_decref(x);
    assert_null(rc_list_pop(l, 10));
    assert_error(rt, RC_EINDEX, "pop index out of range");
    assert_int_equal(rc_list_remove(l, nine), RC_EVALUE);
    assert_error(rt, RC_EVALUE, "list.remove(x): x not in list");
    assert_int_equal(rc_list_index(l, nine), RC_EVALUE);
    assert_error(rt, RC_EVALUE, "9 is not in list");
    assert_null(rc_list_get(l, 4));
    assert_error(rt, RC_EINDEX, "list index out of range");
    assert_int_equal(rc_list_set(l, -5, nine), RC_EINDEX);
    assert_error(rt, RC_EINDEX, "list assignment index out of range");
    assert_int_equal(rc_list_set(l, -4, nine), 0);
    assert_repr(l, "[9, 1, 2, 3]");
    rc_object *s = STR(rt, "i");
    assert_null(rc_getitem(l, s));
    assert_error(rt, RC_ETYPE,
                 "list indices must be integers or slices, not str");
    int64_t h;
    assert_int_equal(rc_hash(l, &h), RC_EHASH);
    assert_error(rt, RC_EHASH, "unhashable type: 'list'");
    assert_int_equal(rc_list_reverse(l), 0);
    assert_repr(l, "[3, 2, 1, 9]");
    assert_int_equal(rc_list_clear(l), 0);
    assert_repr(l, "[]");
    assert_null(rc_list_pop(l, -1));
    assert_error(rt, RC_EINDEX, "pop from empty list");
    assert_int_equal(rc_list_append(s, s), RC_ETYPE);
    rc_decref(s), rc_decref(five), rc_decref(nine), rc_decref(l);
}

static void operators(void **state) {
    (void)state;
    static const int64_t v[] = {1, 2};
    rc_object *l = list_of(2, v), *t = rc_tuple_new(rt, 0), *two = I(rt, 2);
    rc_object *r = rc_number_add(l, l);
    assert_repr(r, "[1, 2, 1, 2]");
    assert_ptr_not_equal(r, l);
    rc_decref(r);
    r = rc_number_multiply(two, l);
    assert_repr(r, "[1, 2, 1, 2]");
    rc_decref(r);
    rc_object *neg = I(rt, -1);
    r = rc_number_multiply(l, neg);
    assert_repr(r, "[]");
    rc_decref(r), rc_decref(neg);
    assert_null(rc_number_add(l, t));
    assert_error(rt, RC_ETYPE,
                 "can only concatenate list (not \"tuple\") to list");
    assert_null(rc_number_multiply(l, l));
    assert_error(rt, RC_ETYPE,
                 "can't multiply sequence by non-int of type 'list'");
    rc_object *big = rc_int_from_string(rt, "100000000000000000000", 10);
    assert_null(rc_number_multiply(l, big));
    assert_error(rt, RC_EOVERFLOW,
                 "cannot fit 'int' into an index-sized integer");
    rc_decref(big);
    static const int64_t w[] = {1, 3}, u[] = {1, 2, 0};
    rc_object *m = list_of(2, w), *n = list_of(3, u);
    assert_int_equal(rc_compare(l, m, RC_LT), 1);
    assert_int_equal(rc_compare(l, n, RC_LT), 1);
    assert_int_equal(rc_compare(n, l, RC_GT), 1);
    assert_int_equal(rc_compare(l, n, RC_EQ), 0);
    assert_int_equal(rc_contains(l, two), 1);
    assert_int_equal(rc_contains(m, two), 0);
    rc_decref(m), rc_decref(n), rc_decref(two), rc_decref(t), rc_decref(l);
}

static void repr_of_self_reference(void **state) {
    (void)state;
    rc_object *a = rc_list_new(rt), *b = rc_list_new(rt), *one = I(rt, 1);
    rc_list_append(a, one);
    rc_list_append(a, a);
    assert_repr(a, "[1, [...]]");
    rc_list_append(b, a);
    rc_list_append(a, b);
    assert_repr(b, "[[1, [...], [...]]]");
    rc_list_clear(a);
    rc_decref(one), rc_decref(a), rc_decref(b);
}

static void slice_assignment_messages(void **state) {
    (void)state;
    static const int64_t v[] = {0, 1, 2, 3};
    rc_object *l = list_of(4, v), *two = I(rt, 2);
    rc_object *sl = rc_slice_new(rt, NULL, NULL, two);
    static const int64_t three[] = {7, 8, 9};
    rc_object *src = list_of(3, three);
    assert_int_equal(rc_setitem(l, sl, src), RC_EVALUE);
    assert_error(rt, RC_EVALUE,
                 "attempt to assign sequence of size 3 to extended slice of "
                 "size 2");
    assert_repr(l, "[0, 1, 2, 3]");
    assert_int_equal(rc_setitem(l, sl, two), RC_ETYPE);
    assert_error(rt, RC_ETYPE, "must assign iterable to extended slice");
    rc_object *all = rc_slice_new(rt, NULL, NULL, NULL);
    assert_int_equal(rc_setitem(l, all, two), RC_ETYPE);
    assert_error(rt, RC_ETYPE, "can only assign an iterable");
    /* a[:] = a and a[::2] = a[1::2] read the source before writing */
    assert_int_equal(rc_setitem(l, all, l), 0);
    assert_repr(l, "[0, 1, 2, 3]");
    rc_object *one = I(rt, 1), *odd = rc_slice_new(rt, one, NULL, two);
    rc_object *odds = rc_getitem(l, odd);
    assert_int_equal(rc_setitem(l, sl, odds), 0);
    assert_repr(l, "[1, 1, 3, 3]");
    /* a[1:3] = range(5); del a[::-2] */
    rc_object *three_i = I(rt, 3), *mid = rc_slice_new(rt, one, three_i, NULL);
    rc_object *r5 = rc_range_new(rt, 0, 5, 1);
    assert_int_equal(rc_setitem(l, mid, r5), 0);
    assert_repr(l, "[1, 0, 1, 2, 3, 4, 3]");
    rc_object *m2 = I(rt, -2), *back = rc_slice_new(rt, NULL, NULL, m2);
    assert_int_equal(rc_delitem(l, back), 0);
    assert_repr(l, "[0, 2, 4]");
    rc_decref(back), rc_decref(m2), rc_decref(r5), rc_decref(mid);
    rc_decref(three_i), rc_decref(odds), rc_decref(odd), rc_decref(one);
    rc_decref(all), rc_decref(src), rc_decref(sl), rc_decref(two), rc_decref(l);
}

static void iteration_sees_appends(void **state) {
    (void)state;
    static const int64_t v[] = {1, 2};
    rc_object *l = list_of(2, v), *it = rc_iter(l), *x;
    assert_string_equal(rc_type_name(it), "list_iterator");
    int n = 0;
    while (rc_next(it, &x) == 1) {
        if (int_of(x) < 5) {
            rc_object *y = I(rt, int_of(x) + 2);
            rc_list_append(l, y);
            rc_decref(y);
        }
        rc_decref(x);
        n++;
    }
    assert_int_equal(n, 6); /* 1 2 3 4 5 6 */
    rc_decref(it), rc_decref(l);
}

/* ====================================================================== */
/* Growth and the free list                                                */
/* ====================================================================== */

static void growth_follows_cpython(void **state) {
    (void)state;
    /* CPython 3.11: the distinct capacities while appending 200 items */
    static const size_t expect[] = {4,  8,  16,  24,  32,  40,  52, 64,
                                    76, 92, 108, 128, 148, 172, 200};
    rc_object *l = rc_list_new(rt), *x = I(rt, 0);
    size_t seen[32], n = 0, prev = 0;
    for (int i = 0; i < 200; i++) {
        rc_list_append(l, x);
        if (list_cap(l) != prev)
            seen[n++] = prev = list_cap(l);
    }
    assert_int_equal(n, sizeof expect / sizeof *expect);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(seen[i], expect[i]);
    size_t block = rc_sizeof(l) - list_cap(l) * sizeof(rc_object *);
    for (int i = 0; i < 200; i++) {
        rc_object *p = rc_list_pop(l, -1);
        rc_decref(p);
    }
    assert_int_equal(list_cap(l), 0); /* memory given back */
    assert_int_equal(rc_sizeof(l), block);
    rc_decref(x), rc_decref(l);
}

static void free_list_returns_the_block(void **state) {
    (void)state;
    rc_object *a = rc_list_new(rt), *x = I(rt, 1);
    rc_list_append(a, x);
    rc_object *old = a;
    size_t n = cont_state(rt)->list_nfree;
    rc_decref(a);
    assert_int_equal(cont_state(rt)->list_nfree, n + 1);
    rc_object *b = rc_list_new(rt);
    assert_ptr_equal(b, old);
    assert_int_equal(rc_list_size(b), 0);
    assert_int_equal(list_cap(b), 0);
    assert_true(rc_gc_is_tracked(b));
    rc_decref(b);
    rc_object *ls[100];
    for (int i = 0; i < 100; i++)
        ls[i] = rc_list_new(rt);
    for (int i = 0; i < 100; i++)
        rc_decref(ls[i]);
    assert_int_equal(cont_state(rt)->list_nfree, RC__LIST_FREELIST_MAX);
    rc_gc_collect(rt, 2);
    assert_int_equal(cont_state(rt)->list_nfree, 0);
    rc_decref(x);
}

/* ====================================================================== */
/* Cycles and deep nesting                                                 */
/* ====================================================================== */

static void cycles_are_collected(void **state) {
    (void)state;
    rc_object *a = rc_list_new(rt);
    rc_list_append(a, a); /* a = []; a.append(a) */
    assert_int_equal(rc_refcnt(a), 2);
    rc_decref(a);
    assert_int_equal(rc_gc_collect(rt, 2), 1);
    rc_object *b = rc_list_new(rt), *c = rc_list_new(rt); /* b = [c]; c = [b] */
    rc_list_append(b, c);
    rc_list_append(c, b);
    rc_decref(b), rc_decref(c);
    assert_int_equal(rc_gc_collect(rt, 2), 2);
}

static rc_object *deep_list(rc_runtime *r, long n) {
    rc_object *l = rc_list_new(r);
    for (long i = 0; i < n; i++) {
        rc_object *u = rc_list_new(r);
        rc_list_append(u, l);
        rc_decref(l);
        l = u;
    }
    return l;
}

static void deep_repr_and_equality_fail_cleanly(void **state) {
    (void)state;
    rc_object *a = deep_list(rt, 100000), *b = deep_list(rt, 100000);
    assert_null(rc_repr(a));
    assert_int_equal(rc_last_error(rt), RC_ERECURSION);
    assert_int_equal(rc_equal(a, b), RC_ERECURSION);
    assert_int_equal(rc_compare(a, b, RC_LT), RC_ERECURSION);
    assert_int_equal(rc_recursion_depth(rt), 0);
    assert_int_equal(rt->types->repr_n, 0);
    rc_decref(a), rc_decref(b);
}

typedef struct deep {
    rc_runtime *rt;
    long n;
} deep;

static void build_and_free(void *arg) {
    deep *d = arg;
    rc_object *l = deep_list(d->rt, d->n);
    rc_decref(l);
}

static void million_deep_nesting_in_small_stack(void **state) {
    (void)state;
    deep d = {rt, 1000000};
    rc_gc_disable(rt);
    run_with_stack(256 * 1024, build_and_free, &d);
    rc_gc_enable(rt);
    assert_int_equal(rc_heap_check(rt), 0);
}

/* ====================================================================== */
/* Sort                                                                    */
/* ====================================================================== */

static int cmp_i64(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static void check_sorted_against_qsort(int64_t *v, int n, bool reverse) {
    rc_object *l = list_of(n, v);
    assert_int_equal(rc_list_sort(l, NULL, NULL, reverse), 0);
    qsort(v, (size_t)n, sizeof *v, cmp_i64);
    for (int i = 0; i < n; i++)
        assert_int_equal(int_of(rc_list_get(l, i)),
                         reverse ? v[n - 1 - i] : v[i]);
    rc_decref(l);
}

static void sort_orders_every_shape(void **state) {
    (void)state;
    uint64_t seed = 42;
    int64_t *v = malloc(20000 * sizeof *v);
    static const int sizes[] = {0, 1, 2, 3, 31, 63, 64, 65, 127, 1000, 20000};
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        int n = sizes[s];
        for (int shape = 0; shape < 6; shape++) {
            for (int i = 0; i < n; i++) {
                switch (shape) {
                case 0:
                    v[i] = (int64_t)rng_below(&seed, 1000000);
                    break;
                case 1:
                    v[i] = i;
                    break; /* sorted */
                case 2:
                    v[i] = n - i;
                    break; /* reversed */
                case 3:
                    v[i] = 7;
                    break; /* all equal */
                case 4:
                    v[i] = (i % 100) * (i / 100 % 2 ? -1 : 1);
                    break;
                default:
                    v[i] = (int64_t)rng_below(&seed, 4);
                    break;
                }
            }
            check_sorted_against_qsort(v, n, shape % 2 == 1);
        }
    }
    free(v);
}

/* key(item) = item[0] for (key, position) pairs. */
static rc_object *first_item(rc_object *item, void *arg) {
    (void)arg;
    rc_object *k = rc_tuple_get(item, 0);
    rc_incref(k);
    return k;
}

static void sort_is_stable_with_keys_and_reverse(void **state) {
    (void)state;
    uint64_t seed = 7;
    for (int round = 0; round < 40 * test_scale(); round++) {
        int n = (int)rng_below(&seed, 3000);
        bool reverse = round % 2;
        rc_object *l = rc_list_new(rt);
        for (int i = 0; i < n; i++) {
            rc_object *k = I(rt, (int64_t)rng_below(&seed, 20)), *p = I(rt, i);
            rc_object *t = rc_tuple_pack(rt, 2, k, p);
            rc_list_append(l, t);
            rc_decref(t), rc_decref(k), rc_decref(p);
        }
        assert_int_equal(rc_list_sort(l, first_item, NULL, reverse), 0);
        for (int i = 1; i < n; i++) {
            int64_t k0 = int_of(rc_tuple_get(rc_list_get(l, i - 1), 0));
            int64_t k1 = int_of(rc_tuple_get(rc_list_get(l, i), 0));
            int64_t p0 = int_of(rc_tuple_get(rc_list_get(l, i - 1), 1));
            int64_t p1 = int_of(rc_tuple_get(rc_list_get(l, i), 1));
            assert_true(reverse ? k0 >= k1 : k0 <= k1);
            if (k0 == k1)
                assert_true(p0 < p1); /* equal keys keep their order */
        }
        rc_decref(l);
    }
}

/* A comparison fails half-way through (an int against a str): the error
 * comes out and the items are back in their original order. */
static void sort_comparison_error_keeps_the_order(void **state) {
    (void)state;
    uint64_t seed = 3;
    enum { N = 500 };
    rc_object *before[N];
    rc_object *l = rc_list_new(rt);
    for (int i = 0; i < N; i++) {
        rc_object *x =
            i == 377 ? STR(rt, "x") : I(rt, (int64_t)rng_below(&seed, 1000));
        rc_list_append(l, x);
        before[i] = x;
        rc_decref(x);
    }
    assert_int_equal(rc_list_sort(l, NULL, NULL, false), RC_ETYPE);
    assert_string_equal(rc_last_error_message(rt),
                        "'<' not supported between instances of 'str' and "
                        "'int'");
    assert_int_equal(rc_list_size(l), N);
    for (int i = 0; i < N; i++)
        assert_ptr_equal(rc_list_get(l, i), before[i]);
    rc_decref(l);
}

typedef struct key_ctx {
    rc_object *list; /* appended to by the key function when not NULL */
    int fail_at;     /* the key call that fails, -1: none */
    int calls;
} key_ctx;

static rc_object *tricky_key(rc_object *item, void *arg) {
    key_ctx *c = arg;
    if (c->calls++ == c->fail_at) {
        rc_set_error(rt, RC_EVALUE, "key failed");
        return NULL;
    }
    if (c->list)
        rc_list_append(c->list, item);
    rc_incref(item);
    return item;
}

static void sort_key_failure_and_mutation(void **state) {
    (void)state;
    static const int64_t v[] = {5, 3, 9, 1};
    rc_object *l = list_of(4, v);
    key_ctx c = {.fail_at = 2};
    assert_int_equal(rc_list_sort(l, tricky_key, &c, false), RC_EVALUE);
    assert_repr(l, "[5, 3, 9, 1]"); /* unchanged */
    c = (key_ctx){.list = l, .fail_at = -1};
    assert_int_equal(rc_list_sort(l, tricky_key, &c, false), RC_EVALUE);
    assert_error(rt, RC_EVALUE, "list modified during sort");
    assert_repr(l, "[1, 3, 5, 9]"); /* the sorted items, appends dropped */
    rc_decref(l);
}

/* ====================================================================== */
/* Random operations against a model                                       */
/* ====================================================================== */

#define MAXN 4096

typedef struct model {
    int64_t v[MAXN];
    int n;
} model;

static void check_model(rc_object *l, const model *m) {
    assert_int_equal(rc_list_size(l), m->n);
    for (int i = 0; i < m->n; i++)
        assert_int_equal(int_of(((rc__list *)l)->items[i]), m->v[i]);
}

/* A random slice bound: 0 None, else an int in [-n-3, n+3]. */
typedef struct bounds {
    bool has[3];
    int64_t v[3];
} bounds;

static bounds random_bounds(uint64_t *seed, int n, bool unit) {
    bounds b;
    for (int k = 0; k < 3; k++) {
        b.has[k] = rng_below(seed, 4) != 0;
        b.v[k] = (int64_t)rng_below(seed, (uint64_t)(2 * n + 7)) - n - 3;
    }
    if (unit) {
        b.has[2] = rng_below(seed, 2);
        b.v[2] = 1;
    } else if (b.v[2] == 0) {
        b.v[2] = rng_below(seed, 2) ? 2 : -1;
    }
    return b;
}

static rc_object *slice_of(const bounds *b) {
    rc_object *o[3] = {NULL, NULL, NULL};
    for (int k = 0; k < 3; k++)
        if (b->has[k])
            o[k] = I(rt, b->v[k]);
    rc_object *s = rc_slice_new(rt, o[0], o[1], o[2]);
    for (int k = 0; k < 3; k++)
        rc_xdecref(o[k]);
    return s;
}

/* The model's own statement of Python's slice rule: the selected indices. */
static int model_indices(const bounds *b, int n, int *idx) {
    int64_t step = b->has[2] ? b->v[2] : 1, start, stop;
    if (step > 0) {
        start = b->has[0] ? b->v[0] : 0;
        stop = b->has[1] ? b->v[1] : n;
        if (start < 0)
            start = start + n < 0 ? 0 : start + n;
        if (stop < 0)
            stop = stop + n < 0 ? 0 : stop + n;
        if (start > n)
            start = n;
        if (stop > n)
            stop = n;
    } else {
        start = b->has[0] ? b->v[0] : n - 1;
        stop = b->has[1] ? b->v[1] : -1 - n;
        if (start < 0)
            start = start + n < 0 ? -1 : start + n;
        if (stop < 0)
            stop = stop + n < 0 ? -1 : stop + n;
        if (start > n - 1)
            start = n - 1;
        if (stop > n - 1)
            stop = n - 1;
    }
    int k = 0;
    for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
        idx[k++] = (int)i;
    return k;
}

static void op_slice_get(rc_object *l, model *m, uint64_t *seed) {
    bounds b = random_bounds(seed, m->n, false);
    static int idx[MAXN];
    int k = model_indices(&b, m->n, idx);
    rc_object *s = slice_of(&b), *r = rc_getitem(l, s);
    assert_non_null(r);
    assert_int_equal(rc_list_size(r), k);
    for (int i = 0; i < k; i++)
        assert_int_equal(int_of(rc_list_get(r, i)), m->v[idx[i]]);
    rc_decref(r), rc_decref(s);
}

/* Where a step-1 slice starts, clamped to [0, n]. */
static int unit_start(const bounds *b, int n) {
    int64_t s = b->has[0] ? b->v[0] : 0;
    if (s < 0)
        s = s + n < 0 ? 0 : s + n;
    return (int)(s > n ? n : s);
}

static void op_slice_set(rc_object *l, model *m, uint64_t *seed) {
    bool unit = rng_below(seed, 2);
    bounds b = random_bounds(seed, m->n, unit);
    static int idx[MAXN];
    int k = model_indices(&b, m->n, idx);
    int r = (int)rng_below(seed, 6);
    if (!unit && rng_below(seed, 2))
        r = k;
    if (m->n + r > MAXN - 8)
        r = 0;
    static int64_t src[MAXN];
    for (int i = 0; i < r; i++)
        src[i] = (int64_t)rng_below(seed, 1000);
    rc_object *s = slice_of(&b), *v = list_of(r, src);
    int st = rc_setitem(l, s, v);
    int64_t step = b.has[2] ? b.v[2] : 1;
    if (step == 1) {
        assert_int_equal(st, 0);
        int lo = k ? idx[0] : unit_start(&b, m->n);
        memmove(m->v + lo + r, m->v + lo + k,
                (size_t)(m->n - lo - k) * sizeof *m->v);
        memcpy(m->v + lo, src, (size_t)r * sizeof *m->v);
        m->n += r - k;
    } else if (r != k) {
        assert_int_equal(st, RC_EVALUE);
    } else {
        assert_int_equal(st, 0);
        for (int i = 0; i < k; i++)
            m->v[idx[i]] = src[i];
    }
    rc_decref(v), rc_decref(s);
}

static void op_slice_del(rc_object *l, model *m, uint64_t *seed) {
    bounds b = random_bounds(seed, m->n, rng_below(seed, 2));
    static int idx[MAXN];
    static bool gone[MAXN];
    int k = model_indices(&b, m->n, idx);
    memset(gone, 0, (size_t)m->n);
    for (int i = 0; i < k; i++)
        gone[idx[i]] = true;
    rc_object *s = slice_of(&b);
    assert_int_equal(rc_delitem(l, s), 0);
    int j = 0;
    for (int i = 0; i < m->n; i++)
        if (!gone[i])
            m->v[j++] = m->v[i];
    m->n = j;
    rc_decref(s);
}

static void op_single(rc_object *l, model *m, uint64_t *seed, int op) {
    int64_t x = (int64_t)rng_below(seed, 1000);
    int64_t i = (int64_t)rng_below(seed, (uint64_t)(2 * m->n + 5)) - m->n - 2;
    bool in = i >= -m->n && i < m->n;
    int at = (int)(i < 0 ? i + m->n : i);
    rc_object *xo = I(rt, x), *r;
    switch (op) {
    case 0: /* append */
        assert_int_equal(rc_list_append(l, xo), 0);
        m->v[m->n++] = x;
        break;
    case 1: { /* insert */
        assert_int_equal(rc_list_insert(l, (ptrdiff_t)i, xo), 0);
        int p = i < 0 ? (i + m->n < 0 ? 0 : (int)(i + m->n))
                      : (i > m->n ? m->n : (int)i);
        memmove(m->v + p + 1, m->v + p, (size_t)(m->n - p) * sizeof *m->v);
        m->v[p] = x;
        m->n++;
        break;
    }
    case 2: /* pop */
        r = rc_list_pop(l, (ptrdiff_t)i);
        if (!in) {
            assert_null(r);
            break;
        }
        assert_int_equal(int_of(r), m->v[at]);
        rc_decref(r);
        memmove(m->v + at, m->v + at + 1,
                (size_t)(m->n - at - 1) * sizeof *m->v);
        m->n--;
        break;
    case 3: { /* remove, index, contains */
        int p = 0;
        while (p < m->n && m->v[p] != x)
            p++;
        assert_int_equal(rc_contains(l, xo), p < m->n);
        assert_int_equal(rc_list_index(l, xo), p < m->n ? p : RC_EVALUE);
        assert_int_equal(rc_list_remove(l, xo), p < m->n ? 0 : RC_EVALUE);
        if (p < m->n) {
            memmove(m->v + p, m->v + p + 1,
                    (size_t)(m->n - p - 1) * sizeof *m->v);
            m->n--;
        }
        break;
    }
    case 4: { /* l[i] = x; del l[i] */
        rc_object *io = I(rt, i);
        bool del = rng_below(seed, 2);
        int st = del ? rc_delitem(l, io) : rc_setitem(l, io, xo);
        assert_int_equal(st, in ? 0 : RC_EINDEX);
        if (in && del) {
            memmove(m->v + at, m->v + at + 1,
                    (size_t)(m->n - at - 1) * sizeof *m->v);
            m->n--;
        } else if (in) {
            m->v[at] = x;
        }
        rc_decref(io);
        break;
    }
    }
    rc_decref(xo);
}

static void op_extend(rc_object *l, model *m, uint64_t *seed) {
    int kind = (int)rng_below(seed, 4), n = (int)rng_below(seed, 8);
    if (kind == 3 && m->n * 2 < MAXN) { /* l.extend(l) */
        assert_int_equal(rc_list_extend(l, l), 0);
        memcpy(m->v + m->n, m->v, (size_t)m->n * sizeof *m->v);
        m->n *= 2;
        return;
    }
    int64_t start = (int64_t)rng_below(seed, 100);
    rc_object *src = kind == 0   ? rc_range_new(rt, start, start + n, 1)
                     : kind == 1 ? rc_list_new(rt)
                                 : NULL;
    if (kind == 1)
        for (int i = 0; i < n; i++) {
            rc_object *x = I(rt, start + i);
            rc_list_append(src, x);
            rc_decref(x);
        }
    if (kind >= 2) {
        rc_object *tmp = rc_range_new(rt, start, start + n, 1),
                  *lst = rc_list_new(rt);
        rc_list_extend(lst, tmp);
        src = rc_tuple_new(rt, (size_t)n);
        for (int i = 0; i < n; i++) {
            rc_object *x = rc_list_get(lst, i);
            rc_incref(x);
            rc_tuple_init_item(src, (size_t)i, x);
        }
        rc_decref(tmp), rc_decref(lst);
    }
    assert_int_equal(rc_list_extend(l, src), 0);
    for (int i = 0; i < n; i++)
        m->v[m->n++] = start + i;
    rc_decref(src);
}

static void op_whole(rc_object *l, model *m, uint64_t *seed, int op) {
    if (op == 0) {
        assert_int_equal(rc_list_reverse(l), 0);
        for (int i = 0, j = m->n - 1; i < j; i++, j--) {
            int64_t t = m->v[i];
            m->v[i] = m->v[j];
            m->v[j] = t;
        }
    } else if (op == 1) {
        bool rev = rng_below(seed, 2);
        assert_int_equal(rc_list_sort(l, NULL, NULL, rev), 0);
        qsort(m->v, (size_t)m->n, sizeof *m->v, cmp_i64);
        if (rev)
            for (int i = 0, j = m->n - 1; i < j; i++, j--) {
                int64_t t = m->v[i];
                m->v[i] = m->v[j];
                m->v[j] = t;
            }
    } else if (op == 2 && m->n <= MAXN / 3) {
        rc_object *three = I(rt, 3), *r = rc_number_multiply(l, three);
        rc_object *c = rc_number_add(l, r);
        assert_int_equal(rc_list_size(c), 4 * m->n);
        for (int i = 0; i < 4 * m->n; i++)
            assert_int_equal(int_of(rc_list_get(c, i)), m->v[i % m->n]);
        rc_decref(c), rc_decref(r), rc_decref(three);
    } else if (op == 3) {
        rc_list_clear(l);
        m->n = 0;
    }
}

/* One random operation; `grow`/`shrink` bias it towards a target size. */
static void random_op(rc_object *l, model *m, uint64_t *seed, bool grow,
                      bool shrink) {
    int op = (int)rng_below(seed, 100);
    if (grow && op < 40)
        op = (int)rng_below(seed, 4) * 10; /* 0, 10, 20, 30 */
    else if (shrink && op < 40)
        op = 40 + (int)rng_below(seed, 3) * 10; /* 40, 50, 60 */
    else if (m->n > MAXN / 4)
        op = 40;
    if (op < 10)
        op_single(l, m, seed, 0); /* append */
    else if (op < 20)
        op_single(l, m, seed, 1); /* insert */
    else if (op < 30)
        op_extend(l, m, seed);
    else if (op < 40)
        op_slice_set(l, m, seed);
    else if (op < 50)
        op_single(l, m, seed, 2); /* pop */
    else if (op < 60)
        op_single(l, m, seed, 4); /* item set / del */
    else if (op < 70 && shrink)
        op_slice_del(l, m, seed);
    else if (op < 70)
        op_slice_get(l, m, seed);
    else if (op < 80)
        op_single(l, m, seed, 3); /* remove, index, contains */
    else if (op < 90)
        op_slice_get(l, m, seed);
    else
        op_whole(l, m, seed, op == 99 && rng_below(seed, 20) == 0 ? 3 : op % 3);
}

static void random_operations_against_model(void **state) {
    (void)state;
    static const int targets[] = {8, 64, 400, 2000};
    uint64_t seed = 12345;
    static model m;
    m.n = 0;
    rc_object *l = rc_list_new(rt);
    long ops = 100000 * test_scale();
    for (long k = 0; k < ops; k++) {
        int target = targets[(k / 5000) % 4];
        random_op(l, &m, &seed, m.n<target, m.n> 2 * target);
        check_model(l, &m);
        assert_true(list_cap(l) >= rc_list_size(l));
    }
    rc_decref(l);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
    const struct CMUnitTest tests[] = {
        T(identity_and_counts),
        T(methods_and_messages),
        T(operators),
        T(repr_of_self_reference),
        T(slice_assignment_messages),
        T(iteration_sees_appends),
        T(growth_follows_cpython),
        T(free_list_returns_the_block),
        T(cycles_are_collected),
        T(deep_repr_and_equality_fail_cleanly),
        T(million_deep_nesting_in_small_stack),
        T(sort_orders_every_shape),
        T(sort_is_stable_with_keys_and_reverse),
        T(sort_comparison_error_keeps_the_order),
        T(sort_key_failure_and_mutation),
        T(random_operations_against_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
