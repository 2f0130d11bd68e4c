/* test_dict.c — dict: random operation sequences against a naive model
 * (insertion order, deletions, re-insertions, resizes, colliding hashes),
 * large tables, tracking and untracking, views and iterators (with their
 * "changed during iteration" errors), equality, repr, the free list,
 * cycles, deep nesting, and keys whose equality changes the dict. */
#define CONTCHECK_FIXTURE /* a runtime per test: rt, setup, teardown */
#include "contcheck.h"

static void set_ii(rc_object *d, int64_t k, int64_t v) {
    rc_object *ko = I(rt, k), *vo = I(rt, v);
    assert_int_equal(rc_dict_setitem(d, ko, vo), 0);
    rc_decref(ko), rc_decref(vo);
}

/* ====================================================================== */
/* Basics and messages                                                     */
/* ====================================================================== */

static void methods_and_messages(void **state) {
    (void)state;
    rc_object *d = rc_dict_new(rt), *a = STR(rt, "a"), *one = I(rt, 1);
    rc_object *l = rc_list_new(rt), *x = STR(rt, "x"), *v;
    assert_repr(d, "{}");
    assert_int_equal(rc_dict_setitem(d, a, one), 0);
    assert_int_equal(rc_dict_setitem(d, one, l), 0);
    assert_repr(d, "{'a': 1, 1: []}");
    assert_ptr_equal(rc_dict_getitem(d, a), one); /* borrowed */
    assert_null(rc_dict_getitem(d, x));
    assert_int_equal(rc_dict_lookup(d, x, &v), 0);
    assert_int_equal(rc_dict_setitem(d, l, one), RC_EHASH);
    assert_error(rt, RC_EHASH, "unhashable type: 'list'");
    assert_null(rc_dict_getitem(d, l));
    assert_int_equal(rc_dict_lookup(d, l, &v), RC_EHASH);
    assert_int_equal(rc_dict_delitem(d, x), RC_EKEY);
    assert_error(rt, RC_EKEY, "'x'");
    rc_object *five = I(rt, 5);
    assert_null(rc_getitem(d, five));
    assert_error(rt, RC_EKEY, "5");
    assert_null(rc_dict_pop(d, five, NULL));
    assert_error(rt, RC_EKEY, "5");
    v = rc_dict_pop(d, five, x);
    assert_ptr_equal(v, x);
    rc_decref(v);
    assert_ptr_equal(rc_dict_setdefault(d, five, x), x);
    assert_ptr_equal(rc_dict_setdefault(d, five, one), x);
    v = rc_dict_popitem(d);
    assert_repr(v, "(5, 'x')");
    rc_decref(v);
    v = rc_dict_pop(d, a, NULL);
    assert_ptr_equal(v, one);
    rc_decref(v);
    assert_repr(d, "{1: []}");
    assert_int_equal(rc_dict_clear(d), 0);
    assert_int_equal(rc_dict_size(d), 0);
    assert_null(rc_dict_popitem(d));
    assert_error(rt, RC_EKEY, "'popitem(): dictionary is empty'");
    int64_t h;
    assert_int_equal(rc_hash(d, &h), RC_EHASH);
    assert_error(rt, RC_EHASH, "unhashable type: 'dict'");
    rc_decref(five), rc_decref(x), rc_decref(l), rc_decref(one), rc_decref(a);
    rc_decref(d);
}

/* rc_dict_version: every change gives a number never given before —
 * also across dicts, and to a dict reused from the free list — and a
 * lookup or a failed change gives none. */
static void versions_are_never_reused(void **state) {
    (void)state;
    rc_object *d = rc_dict_new(rt), *a = STR(rt, "a"), *one = I(rt, 1), *v;
    uint64_t seen[8];
    size_t n = 0;
    assert_int_equal(rc_dict_version(d), 0); /* never changed: empty */
    assert_int_equal(rc_dict_setitem(d, a, one), 0);
    seen[n++] = rc_dict_version(d);
    assert_int_equal(rc_dict_lookup(d, a, &v), 1);
    assert_int_equal(rc_dict_delitem(d, one), RC_EKEY);
    assert_int_equal(rc_dict_version(d), seen[0]);
    set_ii(d, 7, 8); /* a new key */
    seen[n++] = rc_dict_version(d);
    set_ii(d, 7, 9); /* a new value */
    seen[n++] = rc_dict_version(d);
    rc_object *e = rc_dict_new(rt); /* the same changes on another dict */
    assert_int_equal(rc_dict_setitem(e, a, one), 0);
    seen[n++] = rc_dict_version(e);
    assert_int_equal(rc_dict_delitem(d, a), 0);
    seen[n++] = rc_dict_version(d);
    rc_decref(e); /* to the free list, and back */
    e = rc_dict_new(rt);
    assert_int_equal(rc_dict_size(e), 0);
    seen[n++] = rc_dict_version(e);
    assert_int_equal(rc_dict_setitem(e, a, one), 0);
    seen[n++] = rc_dict_version(e);
    for (size_t i = 0; i < n; i++) {
        assert_true(seen[i] != 0);
        for (size_t j = 0; j < i; j++)
            assert_true(seen[i] != seen[j]);
    }
    rc_decref(e), rc_decref(d), rc_decref(one), rc_decref(a);
}

static void update_copy_and_merge(void **state) {
    (void)state;
    rc_object *d = rc_dict_new(rt), *pairs = rc_list_new(rt);
    for (int i = 0; i < 3; i++) {
        rc_object *k = I(rt, i), *v = I(rt, 10 * i),
                  *t = rc_tuple_pack(rt, 2, k, v);
        rc_list_append(pairs, t);
        rc_decref(t), rc_decref(k), rc_decref(v);
    }
    assert_int_equal(rc_dict_update(d, pairs), 0);
    assert_repr(d, "{0: 0, 1: 10, 2: 20}");
    rc_object *c = rc_dict_copy(d);
    assert_ptr_not_equal(c, d);
    assert_int_equal(rc_equal(c, d), 1);
    set_ii(c, 1, 11);
    set_ii(c, 7, 70);
    assert_int_equal(rc_equal(c, d), 0);
    rc_object *m = rc_number_or(d, c);
    assert_repr(m, "{0: 0, 1: 11, 2: 20, 7: 70}");
    assert_int_equal(rc_dict_update(d, c), 0);
    assert_int_equal(rc_equal(m, d), 1);
    assert_int_equal(rc_compare(m, d, RC_LT), RC_ETYPE);
    /* bad update sequences change nothing */
    rc_object *one = I(rt, 1), *bad = rc_tuple_pack(rt, 3, one, one, one);
    rc_object *seq = rc_list_from_array(rt, &bad, 1);
    assert_int_equal(rc_dict_update(d, seq), RC_EVALUE);
    assert_error(rt, RC_EVALUE,
                 "dictionary update sequence element #0 has length 3; 2 is "
                 "required");
    rc_object *ok = rc_tuple_pack(rt, 2, one, one), *items[2] = {ok, one};
    rc_object *seq2 = rc_list_from_array(rt, items, 2);
    assert_int_equal(rc_dict_update(d, seq2), RC_ETYPE);
    assert_error(rt, RC_ETYPE,
                 "cannot convert dictionary update sequence element #1 to a "
                 "sequence");
    assert_int_equal(rc_equal(m, d), 1);
    rc_decref(seq2), rc_decref(ok), rc_decref(seq), rc_decref(bad);
    rc_decref(one), rc_decref(m), rc_decref(c), rc_decref(pairs), rc_decref(d);
}

static void insertion_order_and_reinsertion(void **state) {
    (void)state;
    rc_object *d = rc_dict_new(rt);
    for (int i = 0; i < 5; i++)
        set_ii(d, 4 - i, i);
    rc_object *k = I(rt, 2);
    assert_int_equal(rc_dict_delitem(d, k), 0);
    set_ii(d, 2, 99);  /* deleted then re-inserted: goes to the end */
    set_ii(d, 4, 100); /* replaced: keeps its place */
    assert_repr(d, "{4: 100, 3: 1, 1: 3, 0: 4, 2: 99}");
    rc_decref(k), rc_decref(d);
}

/* ====================================================================== */
/* Views and iterators                                                     */
/* ====================================================================== */

static void views(void **state) {
    (void)state;
    rc_object *d = rc_dict_new(rt), *a = STR(rt, "a"), *one = I(rt, 1);
    rc_object *two = I(rt, 2), *l = rc_list_new(rt);
    rc_object *three = I(rt, 3);
    rc_list_append(l, three);
    rc_decref(three);
    rc_dict_setitem(d, a, one);
    rc_dict_setitem(d, two, l);
    rc_object *k = rc_dict_keys(d), *v = rc_dict_values(d),
              *it = rc_dict_items(d);
    assert_repr(k, "dict_keys(['a', 2])");
    assert_repr(v, "dict_values([1, [3]])");
    assert_repr(it, "dict_items([('a', 1), (2, [3])])");
    assert_int_equal(rc_len(k), 2);
    assert_int_equal(rc_contains(k, a), 1);
    assert_int_equal(rc_contains(v, l), 1);
    rc_object *pair = rc_tuple_pack(rt, 2, a, one),
              *wrong = rc_tuple_pack(rt, 2, a, two);
    assert_int_equal(rc_contains(it, pair), 1);
    assert_int_equal(rc_contains(it, wrong), 0);
    set_ii(d, 9, 9); /* views are live */
    assert_int_equal(rc_len(v), 3);
    rc_object *s = rc_set_new(rt, NULL);
    rc_set_add(s, a);
    rc_object *inter = rc_number_and(k, s);
    assert_repr(inter, "{'a'}");
    rc_object *diff = rc_number_subtract(k, s);
    assert_repr(diff, "{9, 2}"); /* CPython's order too */
    rc_set_add(s, two);
    assert_int_equal(rc_compare(k, s, RC_EQ), 0);
    assert_int_equal(rc_compare(s, k, RC_LT), 1);
    rc_object *nine = I(rt, 9);
    rc_set_add(s, nine);
    assert_int_equal(rc_compare(k, s, RC_EQ), 1);
    rc_object *it2 = rc_iter(it), *x;
    assert_string_equal(rc_type_name(it2), "dict_itemiterator");
    assert_int_equal(rc_next(it2, &x), 1);
    assert_repr(x, "('a', 1)");
    rc_decref(x);
    rc_decref(it2), rc_decref(nine), rc_decref(diff), rc_decref(inter),
        rc_decref(s);
    rc_decref(wrong), rc_decref(pair), rc_decref(k), rc_decref(v),
        rc_decref(it);
    rc_decref(l), rc_decref(two), rc_decref(one), rc_decref(a), rc_decref(d);
}

static void iteration_detects_changes(void **state) {
    (void)state;
    rc_object *d = rc_dict_new(rt), *x;
    set_ii(d, 1, 1);
    set_ii(d, 2, 2);
    rc_object *it = rc_iter(d); /* CPython's sequence: 1, 2, then error */
    assert_string_equal(rc_type_name(it), "dict_keyiterator");
    assert_int_equal(rc_next(it, &x), 1);
    assert_int_equal(int_of(x), 1);
    rc_decref(x);
    rc_object *k1 = I(rt, 1);
    rc_dict_delitem(d, k1);
    set_ii(d, 3, 3);
    assert_int_equal(rc_next(it, &x), 1);
    assert_int_equal(int_of(x), 2);
    rc_decref(x);
    assert_int_equal(rc_next(it, &x), RC_ESTATE);
    assert_error(rt, RC_ESTATE, "dictionary keys changed during iteration");
    rc_decref(it);
    it = rc_iter(d);
    set_ii(d, 4, 4);
    assert_int_equal(rc_next(it, &x), RC_ESTATE);
    assert_error(rt, RC_ESTATE, "dictionary changed size during iteration");
    rc_object *k4 = I(rt, 4);
    rc_dict_delitem(d, k4);
    rc_decref(k4);
    assert_int_equal(rc_next(it, &x), RC_ESTATE); /* stays failed */
    rc_decref(it);
    rc_object *vi = rc_dict_values(d), *vit = rc_iter(vi);
    assert_string_equal(rc_type_name(vit), "dict_valueiterator");
    int n = 0;
    while (rc_next(vit, &x) == 1) {
        rc_decref(x);
        n++;
    }
    assert_int_equal(n, 2);
    rc_decref(vit), rc_decref(vi), rc_decref(k1), rc_decref(d);
}

/* ====================================================================== */
/* Tracking                                                                */
/* ====================================================================== */

static void tracking_follows_contents(void **state) {
    (void)state;
    rc_object *d = rc_dict_new(rt), *a = STR(rt, "a"), *one = I(rt, 1);
    assert_false(rc_gc_is_tracked(d)); /* starts untracked */
    rc_dict_setitem(d, a, one);
    set_ii(d, 2, 3);
    assert_false(rc_gc_is_tracked(d)); /* ints and strs: still untracked */
    rc_object *l = rc_list_new(rt);
    rc_dict_setitem(d, a, l); /* a value that may be tracked */
    assert_true(rc_gc_is_tracked(d));
    rc_dict_setitem(d, a, one);
    rc_gc_collect(rt, 0);
    assert_true(rc_gc_is_tracked(d)); /* only full collections untrack */
    rc_gc_collect(rt, 2);
    assert_false(rc_gc_is_tracked(d));
    rc_object *t = rc_tuple_pack(rt, 1, one); /* tracked until collected */
    rc_dict_setitem(d, t, one);
    assert_true(rc_gc_is_tracked(d));
    rc_gc_collect(rt, 2);
    rc_gc_collect(rt, 2);
    assert_false(rc_gc_is_tracked(t));
    assert_false(rc_gc_is_tracked(d));
    rc_object *t2 = rc_tuple_pack(rt, 1, one);
    rc_gc_collect(rt, 0);
    assert_false(rc_gc_is_tracked(t2));
    rc_dict_setitem(d, t2, one); /* an untracked tuple does not track */
    assert_false(rc_gc_is_tracked(d));
    rc_object *c = rc_dict_copy(d);
    assert_false(rc_gc_is_tracked(c));
    rc_dict_setitem(d, one, l);
    rc_decref(c);
    c = rc_dict_copy(d);
    assert_true(rc_gc_is_tracked(c));
    rc_decref(c), rc_decref(t2), rc_decref(t), rc_decref(l), rc_decref(one);
    rc_decref(a), rc_decref(d);
}

/* ====================================================================== */
/* Free list, cycles, nesting                                              */
/* ====================================================================== */

static void free_list_returns_the_block(void **state) {
    (void)state;
    rc_object *d = rc_dict_new(rt);
    set_ii(d, 1, 2);
    rc_object *l = rc_list_new(rt);
    assert_int_equal(rc_dict_setitem(d, l, l), RC_EHASH);
    rc_object *one = I(rt, 1);
    rc_dict_setitem(d, one, l);
    assert_true(rc_gc_is_tracked(d));
    rc_object *old = d;
    rc_decref(d);
    rc_object *e = rc_dict_new(rt);
    assert_ptr_equal(e, old);
    assert_false(rc_gc_is_tracked(e)); /* revived untracked and empty */
    assert_int_equal(rc_dict_size(e), 0);
    assert_repr(e, "{}");
    rc_decref(e);
    rc_object *ds[100];
    for (int i = 0; i < 100; i++)
        ds[i] = rc_dict_new(rt);
    for (int i = 0; i < 100; i++)
        rc_decref(ds[i]);
    assert_int_equal(cont_state(rt)->dict_nfree, RC__DICT_FREELIST_MAX);
    rc_gc_collect(rt, 2);
    assert_int_equal(cont_state(rt)->dict_nfree, 0);
    rc_decref(one), rc_decref(l);
}

static void cycles_are_collected(void **state) {
    (void)state;
    rc_object *d = rc_dict_new(rt), *s = STR(rt, "self");
    rc_dict_setitem(d, s, d); /* d['self'] = d */
    assert_true(rc_gc_is_tracked(d));
    assert_repr(d, "{'self': {...}}");
    rc_decref(d);
    assert_int_equal(rc_gc_collect(rt, 2), 1);
    rc_object *a = rc_dict_new(rt), *b = rc_dict_new(rt);
    rc_dict_setitem(a, s, b);
    rc_dict_setitem(b, s, a);
    rc_object *k = rc_dict_keys(a); /* a view in the cycle too */
    assert_int_equal(rc_dict_setitem(b, k, k), RC_EHASH);
    rc_object *v = rc_dict_values(a);
    rc_dict_setitem(b, s, v);
    rc_decref(a), rc_decref(b), rc_decref(k), rc_decref(v);
    assert_int_equal(rc_gc_collect(rt, 2), 3);
    rc_decref(s);
}

typedef struct deep {
    rc_runtime *rt;
    long n;
} deep;

static rc_object *deep_dict(rc_runtime *r, long n) {
    rc_object *key = rc_str_from_cstr(r, "k"), *d = rc_dict_new(r);
    for (long i = 0; i < n; i++) {
        rc_object *u = rc_dict_new(r);
        rc_dict_setitem(u, key, d);
        rc_decref(d);
        d = u;
    }
    rc_decref(key);
    return d;
}

static void build_and_free(void *arg) {
    deep *dp = arg;
    rc_decref(deep_dict(dp->rt, dp->n));
}

static void deep_nesting(void **state) {
    (void)state;
    rc_object *a = deep_dict(rt, 50000), *b = deep_dict(rt, 50000);
    assert_null(rc_repr(a));
    assert_int_equal(rc_last_error(rt), RC_ERECURSION);
    assert_int_equal(rc_equal(a, b), RC_ERECURSION);
    assert_int_equal(rc_recursion_depth(rt), 0);
    rc_decref(a), rc_decref(b);
    deep dp = {rt, 200000};
    rc_gc_disable(rt);
    run_with_stack(256 * 1024, build_and_free, &dp);
    rc_gc_enable(rt);
}

/* ====================================================================== */
/* Keys whose equality test changes the dict                               */
/* ====================================================================== */

typedef struct evil {
    rc_object ob;
    int64_t hash;
    rc_object *victim; /* borrowed: cleared or grown when compared */
    int mode;          /* 0 clear, 1 insert many keys */
} evil;

static int evil_hash(rc_object *o, int64_t *out) {
    *out = ((evil *)o)->hash;
    return 0;
}

/* The richcompare slot: self is the key being compared with the other,
 * either way round. */
static rc_object *evil_compare(rc_object *a, rc_object *b, rc_cmp op) {
    evil *e = (evil *)a;
    if (!e->victim && b->type == a->type)
        e = (evil *)b;
    if (e->victim) {
        rc_object *victim = e->victim;
        e->victim = NULL;
        if (e->mode == 0) {
            if (rc_is_dict(victim))
                rc_dict_clear(victim);
            else
                rc_set_clear(victim);
        } else {
            for (int i = 0; i < 100; i++) {
                rc_object *k = rc_int_from_i64(rc_runtime_of(a), 1000 + i);
                if (rc_is_dict(victim))
                    rc_dict_setitem(victim, k, k);
                else
                    rc_set_add(victim, k);
                rc_decref(k);
            }
        }
    }
    rc_runtime *r = rc_runtime_of(a);
    if (op != RC_EQ && op != RC_NE)
        return rc_notimplemented(r);
    return rc_bool_from(r, (a == b) == (op == RC_EQ));
}

static const rc_protocol evil_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .hash = evil_hash,
    .richcompare = evil_compare,
};

static const rc_type evil_type = {
    .name = "evil",
    .basicsize = sizeof(evil),
    .protocol = &evil_protocol,
};

static rc_object *evil_new(int64_t hash, rc_object *victim, int mode) {
    evil *e = (evil *)rc_new(rt, &evil_type);
    e->hash = hash;
    e->victim = victim;
    e->mode = mode;
    return &e->ob;
}

static void equality_that_mutates(void **state) {
    (void)state;
    for (int mode = 0; mode < 2; mode++) {
        for (int kind = 0; kind < 2; kind++) {
            rc_object *c = kind ? rc_set_new(rt, NULL) : rc_dict_new(rt);
            rc_object *k1 = evil_new(5, NULL, 0), *k2 = evil_new(5, c, mode);
            if (kind)
                rc_set_add(c, k1);
            else
                rc_dict_setitem(c, k1, k1);
            /* the lookup compares k2 with k1, which changes c under it */
            int r = kind ? rc_set_contains(c, k2)
                         : rc_dict_lookup(c, k2, &(rc_object *){NULL});
            assert_int_equal(r, 0);
            assert_int_equal(
                kind ? rc_set_add(c, k2) : rc_dict_setitem(c, k2, k2), 0);
            assert_int_equal(kind ? rc_set_contains(c, k2)
                                  : rc_dict_getitem(c, k2) != NULL,
                             1);
            assert_int_equal(rc_heap_check(rt), 0);
            rc_decref(k1), rc_decref(k2), rc_decref(c);
        }
    }
}

/* ====================================================================== */
/* Large tables                                                            */
/* ====================================================================== */

static void large_tables(void **state) {
    (void)state;
    long n = 300000 * test_scale();
    rc_object *d = rc_dict_new(rt);
    for (long i = 0; i < n; i++)
        set_ii(d, i * 7919, i);
    assert_int_equal(rc_dict_size(d), n);
    assert_true(((rc__dict *)d)->keys->log2ix >= 2); /* 4-byte slots */
    for (long i = 0; i < n; i += 2) {
        rc_object *k = I(rt, i * 7919);
        assert_int_equal(rc_dict_delitem(d, k), 0);
        rc_decref(k);
    }
    for (long i = 0; i < n; i++) {
        rc_object *k = I(rt, i * 7919), *v = rc_dict_getitem(d, k);
        if (i % 2)
            assert_int_equal(int_of(v), i);
        else
            assert_null(v);
        rc_decref(k);
    }
    size_t pos = 0;
    rc_object *k, *v;
    long expect = 1;
    while (rc_dict_next(d, &pos, &k, &v)) {
        assert_int_equal(int_of(v), expect);
        expect += 2;
    }
    assert_int_equal(expect, n + (n % 2 ? 0 : 1));
    rc_decref(d);
}

/* ====================================================================== */
/* Random operations against a model                                       */
/* ====================================================================== */

#define K 1500 /* key ids */
static const int64_t PRIME61 = ((int64_t)1 << 61) - 1;

/* A new key object for id, never the same object twice: ints above the
 * small-int cache, strs, and ints whose hashes collide in groups of 4
 * (v and v + 2**61 - 1 hash alike). */
static rc_object *key_for(int id) {
    char buf[32];
    switch (id % 3) {
    case 0:
        return I(rt, 1000 + id);
    case 1:
        snprintf(buf, sizeof buf, "k%d", id);
        return STR(rt, buf);
    default: {
        int q = id / 3;
        return I(rt, 300 + q % 125 + (int64_t)(q / 125) * PRIME61);
    }
    }
}

static int id_of(rc_object *key) {
    if (rc_is_str(key))
        return atoi(rc_str_utf8(key) + 1);
    int64_t v = int_of(key);
    if (v >= 1000 && v < 1000 + K)
        return (int)(v - 1000);
    int64_t q = (v % PRIME61 - 300) + (v / PRIME61) * 125;
    return (int)(q * 3 + 2);
}

typedef struct dmodel {
    int order[K]; /* ids in insertion order */
    int n;
    int64_t val[K];
    int pos[K]; /* index in order, -1 absent */
} dmodel;

static void model_set(dmodel *m, int id, int64_t v) {
    if (m->pos[id] < 0) {
        m->pos[id] = m->n;
        m->order[m->n++] = id;
    }
    m->val[id] = v;
}

static void model_del(dmodel *m, int id) {
    int p = m->pos[id];
    memmove(m->order + p, m->order + p + 1,
            (size_t)(m->n - p - 1) * sizeof(int));
    m->n--;
    m->pos[id] = -1;
    for (int i = p; i < m->n; i++)
        m->pos[m->order[i]] = i;
}

static void check_order(rc_object *d, const dmodel *m) {
    assert_int_equal(rc_dict_size(d), m->n);
    size_t pos = 0;
    rc_object *k, *v;
    int i = 0;
    while (rc_dict_next(d, &pos, &k, &v)) {
        assert_true(i < m->n);
        assert_int_equal(id_of(k), m->order[i]);
        assert_int_equal(int_of(v), m->val[m->order[i]]);
        i++;
    }
    assert_int_equal(i, m->n);
}

static void dict_op(rc_object *d, dmodel *m, uint64_t *seed, bool grow) {
    int id = (int)rng_below(seed, K), op = (int)rng_below(seed, 100);
    int64_t v = (int64_t)rng_below(seed, 100000);
    rc_object *k = key_for(id), *vo = I(rt, v), *r;
    bool in = m->pos[id] >= 0;
    if (op < (grow ? 55 : 25)) {
        assert_int_equal(rc_dict_setitem(d, k, vo), 0);
        model_set(m, id, v);
    } else if (op < 60) {
        assert_int_equal(rc_dict_delitem(d, k), in ? 0 : RC_EKEY);
        if (in)
            model_del(m, id);
    } else if (op < 75) {
        r = rc_dict_getitem(d, k);
        assert_int_equal(r != NULL, in);
        if (in)
            assert_int_equal(int_of(r), m->val[id]);
        assert_int_equal(rc_contains(d, k), in);
    } else if (op < 82) {
        r = rc_dict_pop(d, k, vo);
        assert_int_equal(int_of(r), in ? m->val[id] : v);
        rc_decref(r);
        if (in)
            model_del(m, id);
    } else if (op < 86 && m->n) {
        r = rc_dict_popitem(d);
        int last = m->order[m->n - 1];
        assert_int_equal(id_of(rc_tuple_get(r, 0)), last);
        assert_int_equal(int_of(rc_tuple_get(r, 1)), m->val[last]);
        rc_decref(r);
        model_del(m, last);
    } else if (op < 92) {
        r = rc_dict_setdefault(d, k, vo);
        assert_int_equal(int_of(r), in ? m->val[id] : v);
        if (!in)
            model_set(m, id, v);
    } else if (op < 96) {
        rc_object *t = rc_tuple_pack(rt, 2, k, vo),
                  *seq = rc_list_from_array(rt, &t, 1);
        assert_int_equal(rc_dict_update(d, seq), 0);
        model_set(m, id, v);
        rc_decref(seq), rc_decref(t);
    } else if (op < 99) {
        rc_object *c = rc_dict_copy(d);
        check_order(c, m);
        assert_int_equal(rc_equal(c, d), 1);
        rc_decref(c);
    } else if (rng_below(seed, 10) == 0) {
        rc_dict_clear(d);
        while (m->n)
            model_del(m, m->order[m->n - 1]);
    }
    rc_decref(k), rc_decref(vo);
}

static void random_operations_against_model(void **state) {
    (void)state;
    static const int targets[] = {4, 40, 400, 1200};
    static dmodel m;
    memset(&m, 0, sizeof m);
    for (int i = 0; i < K; i++)
        m.pos[i] = -1;
    uint64_t seed = 2024;
    rc_object *d = rc_dict_new(rt);
    long ops = 100000 * test_scale();
    for (long k = 0; k < ops; k++) {
        dict_op(d, &m, &seed, m.n < targets[(k / 4000) % 4]);
        if (k % 97 == 0)
            check_order(d, &m);
    }
    check_order(d, &m);
    rc_decref(d);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
    const struct CMUnitTest tests[] = {
        T(methods_and_messages),
        T(versions_are_never_reused),
        T(update_copy_and_merge),
        T(insertion_order_and_reinsertion),
        T(views),
        T(iteration_detects_changes),
        T(tracking_follows_contents),
        T(free_list_returns_the_block),
        T(cycles_are_collected),
        T(deep_nesting),
        T(equality_that_mutates),
        T(large_tables),
        T(random_operations_against_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
