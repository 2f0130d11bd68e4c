/* test_set.c — set and frozenset: CPython's growth and iteration order,
 * frozenset hashes, messages, set algebra and comparisons, sets as keys,
 * iteration, cycles, and random operation sequences against a model. */
#define CONTCHECK_FIXTURE /* a runtime per test: rt, setup, teardown */
#include "contcheck.h"

static rc_object *set_of(int n, const int64_t *v, bool frozen) {
    rc_object *l = rc_list_new(rt);
    for (int i = 0; i < n; i++) {
        rc_object *x = I(rt, v[i]);
        rc_list_append(l, x);
        rc_decref(x);
    }
    rc_object *s = frozen ? rc_frozenset_new(rt, l) : rc_set_new(rt, l);
    assert_non_null(s);
    rc_decref(l);
    return s;
}

/* ====================================================================== */
/* CPython's layout: growth, order, hashes                                 */
/* ====================================================================== */

static void growth_and_order_follow_cpython(void **state) {
    (void)state;
    /* CPython 3.11: (items added, table slots) where the table grows */
    static const int steps[][2] = {
        {5, 32}, {19, 128}, {77, 512}, {307, 2048}, {1229, 8192}};
    rc_object *s = rc_set_new(rt, NULL), *empty = rc_set_new(rt, NULL);
    size_t base = rc_sizeof(empty), prev = 0;
    int k = 0;
    for (int i = 0; i < 3000; i++) {
        rc_object *x = I(rt, i);
        rc_set_add(s, x);
        rc_decref(x);
        size_t n = (rc_sizeof(s) - base) / 16;
        if (n != prev && i > 0) {
            assert_true(k < 5);
            assert_int_equal(i + 1, steps[k][0]);
            assert_int_equal(n, steps[k][1]);
            k++;
        }
        prev = n;
    }
    assert_int_equal(k, 5);
    rc_decref(s), rc_decref(empty);
    static const int64_t a[] = {100, 5, 13, 8, 1024, -1};
    s = set_of(6, a, false);
    assert_repr(s, "{1024, 100, 5, 8, 13, -1}");
    rc_decref(s);
    rc_object *r = rc_range_new(rt, 20, -20, -3);
    s = rc_set_new(rt, r);
    assert_repr(s, "{2, 5, 8, 11, -19, 14, -16, 17, -13, 20, -10, -7, -4, -1}");
    rc_decref(s), rc_decref(r);
    static const int64_t u[] = {5, 3, 9, 1, 7, 2}, w[] = {100, 4};
    rc_object *su = set_of(6, u, false), *sw = set_of(2, w, false);
    rc_object *un = rc_number_or(su, sw);
    assert_repr(un, "{1, 2, 3, 100, 5, 4, 7, 9}");
    rc_decref(un), rc_decref(su), rc_decref(sw);
}

static int64_t hash_of(rc_object *o) {
    int64_t h;
    assert_int_equal(rc_hash(o, &h), 0);
    return h;
}

static void frozenset_hashes_are_cpythons(void **state) {
    (void)state;
    static const int64_t one[] = {1}, three[] = {1, 2, 3};
    rc_object *e = rc_frozenset_new(rt, NULL), *f1 = set_of(1, one, true);
    rc_object *f3 = set_of(3, three, true);
    assert_true(hash_of(e) == 133146708735736LL);
    assert_true(hash_of(f1) == -558064481276695278LL);
    assert_true(hash_of(f3) == -272375401224217160LL);
    rc_object *big = rc_int_from_string(rt, "1099511627776", 10);
    rc_object *m1 = I(rt, -1), *h = I(rt, 100), *tmp = rc_set_new(rt, NULL);
    rc_set_add(tmp, m1), rc_set_add(tmp, h), rc_set_add(tmp, big);
    rc_object *mix = rc_frozenset_new(rt, tmp);
    assert_true(hash_of(mix) == 1108997052450049339LL);
    /* the hash depends on the contents only, not on the table's history */
    for (int i = 0; i < 200; i++) {
        rc_object *x = I(rt, 1000 + i);
        rc_set_add(tmp, x);
        rc_set_discard(tmp, x);
        rc_decref(x);
    }
    rc_object *mix2 = rc_frozenset_new(rt, tmp);
    assert_true(hash_of(mix2) == hash_of(mix));
    assert_int_equal(rc_equal(mix2, tmp), 1);
    assert_int_equal(rc_equal(tmp, mix2), 1);
    rc_object *same = rc_frozenset_new(rt, f3);
    assert_ptr_equal(same, f3); /* frozenset(frozenset) is itself */
    rc_decref(same), rc_decref(mix2), rc_decref(tmp), rc_decref(mix);
    rc_decref(h), rc_decref(m1), rc_decref(big), rc_decref(f3), rc_decref(f1),
        rc_decref(e);
}

/* ====================================================================== */
/* Messages, keys, operators                                               */
/* ====================================================================== */

static void reprs_and_messages(void **state) {
    (void)state;
    rc_object *s = rc_set_new(rt, NULL), *f = rc_frozenset_new(rt, NULL);
    assert_repr(s, "set()");
    assert_repr(f, "frozenset()");
    rc_object *one = I(rt, 1), *five = I(rt, 5), *l = rc_list_new(rt);
    static const int64_t v[] = {1};
    rc_object *f1 = set_of(1, v, true);
    assert_repr(f1, "frozenset({1})");
    rc_set_add(s, one);
    assert_repr(s, "{1}");
    assert_int_equal(rc_set_remove(s, five), RC_EKEY);
    assert_error(rt, RC_EKEY, "5");
    assert_int_equal(rc_set_discard(s, five), 0);
    assert_int_equal(rc_set_add(s, l), RC_EHASH);
    assert_error(rt, RC_EHASH, "unhashable type: 'list'");
    int64_t h;
    assert_int_equal(rc_hash(s, &h), RC_EHASH);
    assert_error(rt, RC_EHASH, "unhashable type: 'set'");
    assert_int_equal(rc_set_add(f1, five), RC_ETYPE);
    assert_error(rt, RC_ETYPE, "'frozenset' object has no attribute 'add'");
    assert_null(rc_set_pop(f1));
    rc_object *p = rc_set_pop(s);
    assert_ptr_equal(p, one);
    rc_decref(p);
    assert_null(rc_set_pop(s));
    assert_error(rt, RC_EKEY, "'pop from an empty set'");
    rc_decref(l), rc_decref(five), rc_decref(one), rc_decref(f1), rc_decref(f),
        rc_decref(s);
}

static void sets_as_keys(void **state) {
    (void)state;
    static const int64_t v[] = {1, 2};
    rc_object *fs = set_of(2, v, true), *s = set_of(2, v, false);
    rc_object *outer = rc_set_new(rt, NULL);
    assert_int_equal(rc_set_add(outer, fs), 0);
    assert_int_equal(rc_set_add(outer, s), RC_EHASH);
    /* a set is looked up as the equal frozenset */
    assert_int_equal(rc_contains(outer, s), 1);
    assert_int_equal(rc_set_discard(outer, s), 1);
    assert_int_equal(rc_set_size(outer), 0);
    rc_decref(outer), rc_decref(s), rc_decref(fs);
}

static void algebra_and_comparisons(void **state) {
    (void)state;
    static const int64_t a[] = {1, 2, 3}, b[] = {3, 4};
    rc_object *sa = set_of(3, a, false), *fb = set_of(2, b, true);
    rc_object *r = rc_number_xor(sa, fb);
    assert_repr(r, "{1, 2, 4}");
    rc_decref(r);
    r = rc_number_subtract(fb, sa); /* the left operand's type */
    assert_repr(r, "frozenset({4})");
    rc_decref(r);
    r = rc_number_and(sa, fb);
    assert_repr(r, "{3}");
    rc_decref(r);
    r = rc_number_or(fb, sa);
    assert_true(rc_is_frozenset(r));
    assert_int_equal(rc_set_size(r), 4);
    rc_decref(r);
    rc_object *l = rc_list_new(rt);
    assert_null(rc_number_or(sa, l));
    assert_error(rt, RC_ETYPE,
                 "unsupported operand type(s) for |: 'set' and 'list'");
    rc_list_append(l, l); /* the methods take any iterable... of hashables */
    assert_null(rc_set_union(sa, l));
    assert_error(rt, RC_EHASH, "unhashable type: 'list'");
    rc_list_clear(l);
    static const int64_t sub[] = {1, 3};
    rc_object *ss = set_of(2, sub, true);
    assert_int_equal(rc_compare(ss, sa, RC_LT), 1);
    assert_int_equal(rc_compare(ss, sa, RC_LE), 1);
    assert_int_equal(rc_compare(sa, ss, RC_GT), 1);
    assert_int_equal(rc_compare(sa, sa, RC_LT), 0);
    assert_int_equal(rc_compare(sa, sa, RC_GE), 1);
    assert_int_equal(rc_compare(fb, sa, RC_LE), 0);
    assert_int_equal(rc_compare(fb, sa, RC_GE), 0);
    assert_int_equal(rc_compare(sa, l, RC_EQ), 0);
    assert_int_equal(rc_compare(sa, l, RC_LT), RC_ETYPE);
    rc_decref(ss), rc_decref(l), rc_decref(fb), rc_decref(sa);
}

/* Results print in CPython's order (each operation builds its table the
 * way CPython's does). */
static void algebra_orders_like_cpython(void **state) {
    (void)state;
    static const int64_t a[] = {1, 2, 3}, b[] = {3, 4, 100, 9}, c[] = {3, 4, 5};
    static const int64_t d[] = {5, 4, 9};
    rc_object *sa = set_of(3, a, false), *sb = set_of(4, b, false);
    rc_object *sc = set_of(3, c, false), *lb = rc_list_new(rt),
              *ld = rc_list_new(rt);
    for (int i = 0; i < 4; i++) {
        rc_object *x = I(rt, b[i]);
        rc_list_append(lb, x);
        rc_decref(x);
    }
    for (int i = 0; i < 3; i++) {
        rc_object *x = I(rt, d[i]);
        rc_list_append(ld, x);
        rc_decref(x);
    }
    rc_object *r = rc_set_symmetric_difference(sa, lb);
    assert_repr(r, "{1, 2, 100, 4, 9}");
    rc_decref(r);
    r = rc_number_xor(sa, sb);
    assert_repr(r, "{1, 2, 100, 4, 9}");
    rc_decref(r);
    r = rc_set_intersection(sc, ld);
    assert_repr(r, "{4, 5}");
    rc_decref(r);
    rc_object *range = rc_range_new(rt, 1, 21, 1), *big = rc_set_new(rt, range);
    r = rc_set_difference(big, lb);
    assert_repr(r, "{1, 2, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, "
                   "20}");
    rc_decref(r), rc_decref(big), rc_decref(range);
    rc_decref(ld), rc_decref(lb), rc_decref(sc), rc_decref(sb), rc_decref(sa);
}

/* A copy or union of a small set starts from CPython's 8-slot table, not
 * a bigger one, so {8, 1} stays in that order: 8 % 8 comes first. */
static void copies_keep_the_small_table(void **state) {
    (void)state;
    static const int64_t a[] = {8, 1};
    rc_object *s = set_of(2, a, false), *l = rc_list_new(rt);
    rc_object *two = I(rt, 2), *d = rc_dict_new(rt);
    rc_list_append(l, two);
    rc_dict_setitem(d, two, two);
    rc_object *c = rc_set_new(rt, s);
    assert_repr(c, "{8, 1}");
    rc_object *f = rc_frozenset_new(rt, s);
    assert_repr(f, "frozenset({8, 1})");
    rc_object *u = rc_set_union(s, l);
    assert_repr(u, "{8, 1, 2}");
    rc_object *fromd = rc_set_new(rt, d);
    assert_repr(fromd, "{2}");
    rc_decref(fromd), rc_decref(u), rc_decref(f), rc_decref(c);
    rc_decref(d), rc_decref(two), rc_decref(l), rc_decref(s);
}

static void iteration_detects_size_change(void **state) {
    (void)state;
    static const int64_t a[] = {1, 2, 3};
    rc_object *s = set_of(3, a, false), *it = rc_iter(s), *x;
    assert_string_equal(rc_type_name(it), "set_iterator");
    assert_int_equal(rc_next(it, &x), 1);
    rc_decref(x);
    rc_object *nine = I(rt, 9);
    rc_set_add(s, nine);
    assert_int_equal(rc_next(it, &x), RC_ESTATE);
    assert_error(rt, RC_ESTATE, "Set changed size during iteration");
    rc_decref(it);
    it = rc_iter(s);
    int n = 0;
    while (rc_next(it, &x) == 1) {
        n++;
        rc_decref(x);
    }
    assert_int_equal(n, 4);
    rc_decref(it), rc_decref(nine), rc_decref(s);
}

static void cycles_are_collected(void **state) {
    (void)state;
    rc_object *s = rc_set_new(rt, NULL), *l = rc_list_new(rt);
    rc_object *t = rc_tuple_pack(rt, 1, l);
    assert_int_equal(rc_set_add(s, t), RC_EHASH); /* (list,) is unhashable */
    /* a tuple holding an object hashed by identity is fine */
    tnode *n = tnode_new(rt);
    rc_object *tn = rc_tuple_pack(rt, 1, (rc_object *)n);
    assert_int_equal(rc_set_add(s, tn), 0);
    tnode_set(n, 0, s); /* s -> (n,) -> n -> s */
    rc_decref(tn), rc_decref((rc_object *)n), rc_decref(s), rc_decref(t),
        rc_decref(l);
    assert_int_equal(rc_gc_collect(rt, 2), 3);
}

/* ====================================================================== */
/* Random operations against a model                                       */
/* ====================================================================== */

#define K 2000
static const int64_t PRIME61 = ((int64_t)1 << 61) - 1;

/* Fresh key objects: plain ints, strs, ints colliding in groups of 4. */
static rc_object *key_for(int id) {
    char buf[32];
    if (id % 3 == 1) {
        snprintf(buf, sizeof buf, "k%d", id);
        return STR(rt, buf);
    }
    if (id % 3 == 0)
        return I(rt, 1000 + id);
    int q = id / 3;
    return I(rt, 300 + q % 200 + (int64_t)(q / 200) * PRIME61);
}

static int id_of(rc_object *key) {
    if (rc_is_str(key))
        return atoi(rc_str_utf8(key) + 1);
    int64_t v = int_of(key);
    if (v >= 1000 && v < 1000 + K)
        return (int)(v - 1000);
    return (int)(((v % PRIME61 - 300) + (v / PRIME61) * 200) * 3 + 2);
}

static void check_members(rc_object *s, const bool *in, int n) {
    static bool seen[K];
    memset(seen, 0, sizeof seen);
    assert_int_equal(rc_set_size(s), n);
    size_t pos = 0;
    rc_object *k;
    int count = 0;
    while (rc_set_next(s, &pos, &k)) {
        int id = id_of(k);
        assert_true(in[id] && !seen[id]);
        seen[id] = true;
        count++;
    }
    assert_int_equal(count, n);
}

/* A random set of the key space and its model. */
static rc_object *random_set(uint64_t *seed, bool *in) {
    rc_object *s = rc_set_new(rt, NULL);
    memset(in, 0, K);
    int n = (int)rng_below(seed, 300);
    for (int i = 0; i < n; i++) {
        int id = (int)rng_below(seed, K);
        rc_object *k = key_for(id);
        rc_set_add(s, k);
        rc_decref(k);
        in[id] = true;
    }
    return s;
}

static void check_algebra(rc_object *s, const bool *in, uint64_t *seed) {
    static bool other[K], expect[K];
    rc_object *o = random_set(seed, other);
    int op = (int)rng_below(seed, 4), n = 0;
    rc_object *r = op == 0   ? rc_set_union(s, o)
                   : op == 1 ? rc_set_intersection(s, o)
                   : op == 2 ? rc_set_difference(s, o)
                             : rc_set_symmetric_difference(s, o);
    for (int i = 0; i < K; i++) {
        expect[i] = op == 0   ? in[i] || other[i]
                    : op == 1 ? in[i] && other[i]
                    : op == 2 ? in[i] && !other[i]
                              : in[i] != other[i];
        n += expect[i];
    }
    check_members(r, expect, n);
    rc_decref(r), rc_decref(o);
}

static void random_operations_against_model(void **state) {
    (void)state;
    static const int targets[] = {3, 50, 600, 1800};
    static bool in[K];
    memset(in, 0, sizeof in);
    int n = 0;
    uint64_t seed = 99;
    rc_object *s = rc_set_new(rt, NULL);
    long ops = 100000 * test_scale();
    for (long k = 0; k < ops; k++) {
        int id = (int)rng_below(&seed, K), op = (int)rng_below(&seed, 100);
        bool grow = n < targets[(k / 4000) % 4];
        rc_object *key = key_for(id);
        if (op < (grow ? 60 : 30)) {
            assert_int_equal(rc_set_add(s, key), 0);
            n += !in[id];
            in[id] = true;
        } else if (op < 70) {
            int r = op % 2 ? rc_set_discard(s, key) : rc_set_remove(s, key);
            assert_int_equal(r, in[id] ? (op % 2 ? 1 : 0)
                                       : (op % 2 ? 0 : RC_EKEY));
            n -= in[id];
            in[id] = false;
        } else if (op < 85) {
            assert_int_equal(rc_contains(s, key), in[id]);
        } else if (op < 93 && n) {
            rc_object *p = rc_set_pop(s);
            int pid = id_of(p);
            assert_true(in[pid]);
            in[pid] = false;
            n--;
            rc_decref(p);
        } else if (op < 98) {
            check_algebra(s, in, &seed);
        } else if (rng_below(&seed, 20) == 0) {
            rc_set_clear(s);
            memset(in, 0, sizeof in);
            n = 0;
        }
        rc_decref(key);
        if (k % 101 == 0)
            check_members(s, in, n);
    }
    check_members(s, in, n);
    rc_object *f = rc_frozenset_new(rt, s);
    assert_int_equal(rc_equal(f, s), 1);
    check_members(f, in, n);
    rc_decref(f), rc_decref(s);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
    const struct CMUnitTest tests[] = {
        T(growth_and_order_follow_cpython),
        T(frozenset_hashes_are_cpythons),
        T(reprs_and_messages),
        T(sets_as_keys),
        T(algebra_and_comparisons),
        T(algebra_orders_like_cpython),
        T(copies_keep_the_small_table),
        T(iteration_detects_size_change),
        T(cycles_are_collected),
        T(random_operations_against_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
