/* test_tuple.c — tuple: the empty singleton, the free lists, untracking by
 * the collector, CPython's hash, comparison, indexing and slicing,
 * concatenation and repetition, iteration, repr, deep nesting. */
#define CONTCHECK_FIXTURE /* a runtime per test: rt, setup, teardown */
#include "contcheck.h"

static void empty_tuple_is_a_singleton(void **state) {
    (void)state;
    rc_object *a = rc_tuple_new(rt, 0), *b = rc_tuple_pack(rt, 0);
    rc_object *c = rc_tuple_from_array(rt, NULL, 0);
    assert_ptr_equal(a, b);
    assert_ptr_equal(a, c);
    assert_true(rc_refcnt(a) >= RC_IMMORTAL);
    assert_false(rc_gc_is_tracked(a));
    assert_repr(a, "()");
    rc_object *one = I(rt, 1), *t = rc_tuple_pack(rt, 2, one, one);
    rc_object *s = rc_slice_new(rt, one, one, NULL);
    rc_object *e = rc_getitem(t, s);
    assert_ptr_equal(e, a); /* an empty slice is the singleton too */
    rc_object *z = I(rt, 0), *rep = rc_number_multiply(t, z);
    assert_ptr_equal(rep, a);
    rc_decref(rep), rc_decref(z), rc_decref(e), rc_decref(s), rc_decref(t);
    rc_decref(a), rc_decref(b), rc_decref(c);
}

static void pack_stores_new_references(void **state) {
    (void)state;
    rc_object *l = rc_list_new(rt);
    size_t before = rc_refcnt(l);
    rc_object *t = rc_tuple_pack(rt, 3, l, l, l);
    assert_int_equal(rc_refcnt(l), before + 3);
    assert_int_equal(rc_tuple_size(t), 3);
    assert_ptr_equal(rc_tuple_get(t, 2), l);
    rc_decref(t);
    assert_int_equal(rc_refcnt(l), before);
    /* two equal tuples built at run time are distinct objects */
    rc_object *a = rc_tuple_pack(rt, 1, l), *b = rc_tuple_pack(rt, 1, l);
    assert_ptr_not_equal(a, b);
    assert_int_equal(rc_equal(a, b), 1);
    rc_decref(a), rc_decref(b), rc_decref(l);
}

static void repr_forms(void **state) {
    (void)state;
    rc_object *one = I(rt, 1), *two = I(rt, 2), *s = STR(rt, "a");
    rc_object *t1 = rc_tuple_pack(rt, 1, one),
              *t2 = rc_tuple_pack(rt, 2, one, two);
    rc_object *n = rc_tuple_pack(rt, 2, t1, s);
    assert_repr(t1, "(1,)");
    assert_repr(t2, "(1, 2)");
    assert_repr(n, "((1,), 'a')");
    /* t = ([],); t[0].append(t) */
    rc_object *l = rc_list_new(rt), *t = rc_tuple_pack(rt, 1, l);
    assert_int_equal(rc_list_append(l, t), 0);
    assert_repr(t, "([(...)],)");
    assert_repr(l, "[([...],)]");
    rc_list_clear(l);
    rc_decref(t), rc_decref(l), rc_decref(n), rc_decref(t1), rc_decref(t2);
    rc_decref(s), rc_decref(one), rc_decref(two);
}

static void free_list_reuses_blocks_by_size(void **state) {
    (void)state;
    rc_object *x = I(rt, 7);
    rc_object *t2 = rc_tuple_pack(rt, 2, x, x);
    rc_object *t3 = rc_tuple_pack(rt, 3, x, x, x);
    rc_object *old2 = t2, *old3 = t3;
    size_t n2 = cont_state(rt)->tuple_nfree[2];
    rc_decref(t2);
    rc_decref(t3);
    assert_int_equal(cont_state(rt)->tuple_nfree[2], n2 + 1);
    /* a 2-tuple takes the freed 2-tuple's block, never the 3-tuple's */
    t2 = rc_tuple_pack(rt, 2, x, x);
    assert_ptr_equal(t2, old2);
    rc_object *u2 = rc_tuple_pack(rt, 2, x, x);
    assert_ptr_not_equal(u2, old3);
    t3 = rc_tuple_pack(rt, 3, x, x, x);
    assert_ptr_equal(t3, old3);
    assert_true(rc_gc_is_tracked(t3)); /* revived tuples are tracked */
    assert_int_equal(rc_refcnt(t3), 1);
    rc_decref(t2), rc_decref(u2), rc_decref(t3), rc_decref(x);
}

static void free_list_is_bounded_and_emptied(void **state) {
    (void)state;
    enum { N = 2500 };
    rc_object **ts = malloc(N * sizeof *ts);
    rc_object *x = I(rt, 3);
    for (int i = 0; i < N; i++)
        ts[i] = rc_tuple_pack(rt, 1, x);
    for (int i = 0; i < N; i++)
        rc_decref(ts[i]);
    assert_int_equal(cont_state(rt)->tuple_nfree[1], RC__TUPLE_FREELIST_MAX);
    rc_gc_collect(rt, 1);
    assert_int_equal(cont_state(rt)->tuple_nfree[1], RC__TUPLE_FREELIST_MAX);
    rc_gc_collect(rt, 2); /* a full collection empties the free lists */
    for (int n = 1; n <= RC__TUPLE_FREELIST_SIZES; n++) {
        assert_int_equal(cont_state(rt)->tuple_nfree[n], 0);
        assert_null(cont_state(rt)->tuple_free[n]);
    }
    rc_decref(x);
    free(ts);
}

static void collector_untracks_tuples_of_atoms(void **state) {
    (void)state;
    rc_object *a = I(rt, 1), *s = STR(rt, "x"), *l = rc_list_new(rt);
    rc_object *atoms = rc_tuple_pack(rt, 2, a, s);
    rc_object *holds_list = rc_tuple_pack(rt, 2, a, l);
    rc_object *nested = rc_tuple_pack(rt, 1, atoms);
    rc_object *d = rc_dict_new(rt); /* untracked, but dicts may be tracked */
    rc_object *holds_dict = rc_tuple_pack(rt, 1, d);
    assert_true(rc_gc_is_tracked(atoms)); /* created tracked */
    rc_gc_collect(rt, 0);
    assert_false(rc_gc_is_tracked(atoms));
    assert_true(rc_gc_is_tracked(holds_list));
    assert_true(rc_gc_is_tracked(holds_dict));
    /* the inner tuple is untracked by now; nested moved to generation 1 */
    rc_gc_collect(rt, 1);
    assert_false(rc_gc_is_tracked(nested));
    /* a tuple being built (NULL items) is never untracked */
    rc_object *partial = rc_tuple_new(rt, 2);
    rc_incref(a);
    rc_tuple_init_item(partial, 0, a);
    rc_gc_collect(rt, 0);
    assert_true(rc_gc_is_tracked(partial));
    rc_incref(a);
    rc_tuple_init_item(partial, 1, a);
    rc_gc_collect(rt, 1);
    assert_false(rc_gc_is_tracked(partial));
    rc_decref(partial), rc_decref(holds_dict), rc_decref(d);
    rc_decref(nested), rc_decref(holds_list), rc_decref(atoms);
    rc_decref(l), rc_decref(s), rc_decref(a);
}

static rc_object *pack_ints(int n, const int64_t *v) {
    rc_object *t = rc_tuple_new(rt, (size_t)n);
    for (int i = 0; i < n; i++)
        rc_tuple_init_item(t, (size_t)i, I(rt, v[i]));
    return t;
}

static int64_t hash_of(rc_object *o) {
    int64_t h;
    assert_int_equal(rc_hash(o, &h), 0);
    return h;
}

static void hash_is_cpythons(void **state) {
    (void)state;
    static const int64_t one[] = {1}, onetwo[] = {1, 2}, minus[] = {-1};
    static const int64_t zeros[20] = {0};
    rc_object *e = rc_tuple_new(rt, 0), *t1 = pack_ints(1, one);
    rc_object *t12 = pack_ints(2, onetwo), *tm = pack_ints(1, minus);
    rc_object *tz = pack_ints(20, zeros), *three = I(rt, 3);
    rc_object *nest = rc_tuple_pack(rt, 2, t12, three);
    /* values printed by CPython 3.11 */
    assert_true(hash_of(e) == 5740354900026072187LL);
    assert_true(hash_of(t1) == -6644214454873602895LL);
    assert_true(hash_of(t12) == -3550055125485641917LL);
    assert_true(hash_of(nest) == -333907151259015829LL);
    assert_true(hash_of(tm) == 8078679518589016365LL);
    assert_true(hash_of(tz) == 7166364623994427980LL);
    /* equal tuples hash equal across number types */
    rc_object *f = rc_float_from_double(rt, 2.0), *one_i = I(rt, 1);
    rc_object *mixed = rc_tuple_pack(rt, 2, one_i, f);
    assert_int_equal(rc_equal(mixed, t12), 1);
    assert_true(hash_of(mixed) == hash_of(t12));
    /* a list inside makes it unhashable */
    rc_object *l = rc_list_new(rt), *tl = rc_tuple_pack(rt, 2, one_i, l);
    int64_t h;
    assert_int_equal(rc_hash(tl, &h), RC_EHASH);
    assert_error(rt, RC_EHASH, "unhashable type: 'list'");
    rc_decref(tl), rc_decref(l), rc_decref(mixed), rc_decref(one_i);
    rc_decref(f), rc_decref(nest), rc_decref(three), rc_decref(tz);
    rc_decref(tm), rc_decref(t12), rc_decref(t1), rc_decref(e);
}

static void comparison_is_lexicographic(void **state) {
    (void)state;
    static const int64_t a[] = {1, 2}, b[] = {1, 3}, c[] = {1, 2, 0};
    rc_object *ta = pack_ints(2, a), *tb = pack_ints(2, b),
              *tc = pack_ints(3, c);
    rc_object *ta2 = pack_ints(2, a);
    assert_int_equal(rc_compare(ta, tb, RC_LT), 1);
    assert_int_equal(rc_compare(tb, ta, RC_LT), 0);
    assert_int_equal(rc_compare(ta, tc, RC_LT), 1);
    assert_int_equal(rc_compare(tc, ta, RC_GE), 1);
    assert_int_equal(rc_compare(ta, ta2, RC_EQ), 1);
    assert_int_equal(rc_compare(ta, ta2, RC_LE), 1);
    assert_int_equal(rc_compare(ta, ta2, RC_NE), 0);
    assert_int_equal(rc_compare(ta, tc, RC_EQ), 0);
    rc_object *one = I(rt, 1), *s = STR(rt, "a");
    rc_object *ts = rc_tuple_pack(rt, 2, one, s);
    assert_int_equal(rc_compare(ts, ta, RC_EQ), 0);
    assert_int_equal(rc_compare(ts, ta, RC_LT), RC_ETYPE);
    assert_error(rt, RC_ETYPE,
                 "'<' not supported between instances of 'str' and 'int'");
    rc_object *l = rc_list_new(rt);
    assert_int_equal(rc_compare(ta, l, RC_EQ), 0);
    assert_int_equal(rc_compare(ta, l, RC_LT), RC_ETYPE);
    rc_decref(l), rc_decref(ts), rc_decref(s), rc_decref(one);
    rc_decref(ta), rc_decref(tb), rc_decref(tc), rc_decref(ta2);
}

static void indexing_and_slicing(void **state) {
    (void)state;
    static const int64_t v[] = {10, 11, 12, 13, 14};
    rc_object *t = pack_ints(5, v);
    rc_object *k = I(rt, -1), *r = rc_getitem(t, k);
    assert_int_equal(int_of(r), 14);
    rc_decref(r), rc_decref(k);
    rc_object *tr = rc_true(rt);
    r = rc_getitem(t, tr); /* bool is an int */
    assert_int_equal(int_of(r), 11);
    rc_decref(r), rc_decref(tr);
    k = I(rt, 5);
    assert_null(rc_getitem(t, k));
    assert_error(rt, RC_EINDEX, "tuple index out of range");
    rc_object *s = STR(rt, "a");
    assert_null(rc_getitem(t, s));
    assert_error(rt, RC_ETYPE,
                 "tuple indices must be integers or slices, not str");
    assert_int_equal(rc_setitem(t, k, s), RC_ETYPE);
    assert_error(rt, RC_ETYPE,
                 "'tuple' object does not support item assignment");
    assert_int_equal(rc_delitem(t, k), RC_ETYPE);
    rc_decref(s), rc_decref(k);
    rc_object *one = I(rt, 1), *three = I(rt, 3), *m1 = I(rt, -1),
              *two = I(rt, 2);
    rc_object *sl = rc_slice_new(rt, one, three, NULL);
    r = rc_getitem(t, sl);
    assert_repr(r, "(11, 12)");
    rc_decref(r), rc_decref(sl);
    sl = rc_slice_new(rt, NULL, NULL, m1);
    r = rc_getitem(t, sl);
    assert_repr(r, "(14, 13, 12, 11, 10)");
    rc_decref(r), rc_decref(sl);
    sl = rc_slice_new(rt, NULL, NULL, two);
    r = rc_getitem(t, sl);
    assert_repr(r, "(10, 12, 14)");
    rc_decref(r), rc_decref(sl);
    sl = rc_slice_new(rt, NULL, NULL, NULL);
    r = rc_getitem(t, sl);
    assert_ptr_equal(r, t); /* t[:] is t */
    rc_decref(r), rc_decref(sl);
    rc_decref(one), rc_decref(three), rc_decref(m1), rc_decref(two),
        rc_decref(t);
}

static void concatenation_and_repetition(void **state) {
    (void)state;
    static const int64_t v[] = {1, 2};
    rc_object *t = pack_ints(2, v), *e = rc_tuple_new(rt, 0);
    rc_object *r = rc_number_add(t, t);
    assert_repr(r, "(1, 2, 1, 2)");
    rc_decref(r);
    r = rc_number_add(t, e);
    assert_ptr_equal(r, t);
    rc_decref(r);
    r = rc_number_add(e, t);
    assert_ptr_equal(r, t);
    rc_decref(r);
    rc_object *three = I(rt, 3), *neg = I(rt, -4), *one = I(rt, 1);
    r = rc_number_multiply(t, three);
    assert_repr(r, "(1, 2, 1, 2, 1, 2)");
    rc_decref(r);
    r = rc_number_multiply(three, t);
    assert_repr(r, "(1, 2, 1, 2, 1, 2)");
    rc_decref(r);
    r = rc_number_multiply(t, neg);
    assert_ptr_equal(r, e);
    rc_decref(r);
    r = rc_number_multiply(t, one);
    assert_ptr_equal(r, t);
    rc_decref(r);
    rc_object *l = rc_list_new(rt), *s = STR(rt, "x");
    assert_null(rc_number_add(t, l));
    assert_error(rt, RC_ETYPE,
                 "can only concatenate tuple (not \"list\") to tuple");
    assert_null(rc_number_multiply(t, s));
    assert_error(rt, RC_ETYPE,
                 "can't multiply sequence by non-int of type 'str'");
    assert_null(rc_number_add(three, t));
    assert_error(rt, RC_ETYPE,
                 "unsupported operand type(s) for +: 'int' and 'tuple'");
    assert_null(rc_number_subtract(t, t));
    assert_error(rt, RC_ETYPE,
                 "unsupported operand type(s) for -: 'tuple' and 'tuple'");
    rc_decref(s), rc_decref(l), rc_decref(one), rc_decref(neg),
        rc_decref(three);
    rc_decref(e), rc_decref(t);
}

static void iteration_and_membership(void **state) {
    (void)state;
    static const int64_t v[] = {5, 6, 7};
    rc_object *t = pack_ints(3, v), *it = rc_iter(t), *x;
    assert_string_equal(rc_type_name(it), "tuple_iterator");
    int64_t expect = 5;
    while (rc_next(it, &x) == 1) {
        assert_int_equal(int_of(x), expect++);
        rc_decref(x);
    }
    assert_int_equal(expect, 8);
    assert_int_equal(rc_next(it, &x), 0); /* stays exhausted */
    assert_null(x);
    rc_object *it2 = rc_iter(it);
    assert_ptr_equal(it2, it); /* iter(iterator) is the iterator */
    rc_decref(it2), rc_decref(it);
    rc_object *six = I(rt, 6), *f = rc_float_from_double(rt, 7.0),
              *no = I(rt, 8);
    assert_int_equal(rc_contains(t, six), 1);
    assert_int_equal(rc_contains(t, f), 1);
    assert_int_equal(rc_contains(t, no), 0);
    assert_int_equal(rc_len(t), 3);
    assert_int_equal(rc_truth(t), 1);
    rc_object *e = rc_tuple_new(rt, 0);
    assert_int_equal(rc_truth(e), 0);
    rc_decref(e), rc_decref(no), rc_decref(f), rc_decref(six), rc_decref(t);
}

static void cycle_through_tuple_is_collected(void **state) {
    (void)state;
    rc_object *l = rc_list_new(rt), *t = rc_tuple_pack(rt, 1, l);
    rc_list_append(l, t);
    rc_decref(t);
    rc_decref(l);
    assert_int_equal(rc_gc_collect(rt, 2), 2);
}

/* Builds ((((...),),),) nested n deep. */
static rc_object *deep_tuple(rc_runtime *r, long n) {
    rc_object *t = rc_tuple_new(r, 0);
    for (long i = 0; i < n; i++) {
        rc_object *u = rc_tuple_pack(r, 1, t);
        rc_decref(t);
        t = u;
    }
    return t;
}

static void deep_nesting_fails_cleanly(void **state) {
    (void)state;
    rc_object *a = deep_tuple(rt, 100000), *b = deep_tuple(rt, 100000);
    assert_null(rc_repr(a));
    assert_int_equal(rc_last_error(rt), RC_ERECURSION);
    int64_t h;
    assert_int_equal(rc_hash(a, &h), RC_ERECURSION);
    assert_int_equal(rc_equal(a, b), RC_ERECURSION);
    assert_int_equal(rc_recursion_depth(rt), 0); /* the guard is balanced */
    rc_decref(a), rc_decref(b);
    /* within the limit it all works */
    a = deep_tuple(rt, 500), b = deep_tuple(rt, 500);
    assert_int_equal(rc_equal(a, b), 1);
    assert_int_equal(rc_hash(a, &h), 0);
    rc_decref(a), rc_decref(b);
}

typedef struct deep {
    rc_runtime *rt;
    long n;
} deep;

static void build_and_free_deep_tuple(void *arg) {
    deep *d = arg;
    rc_object *t = deep_tuple(d->rt, d->n);
    rc_decref(t);
}

static void deep_nesting_deallocates_in_small_stack(void **state) {
    (void)state;
    deep d = {rt, 1000000};
    rc_gc_disable(rt);
    run_with_stack(256 * 1024, build_and_free_deep_tuple, &d);
    rc_gc_enable(rt);
    rc_gc_collect(rt, 2);
    assert_int_equal(rc_heap_check(rt), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
    const struct CMUnitTest tests[] = {
        T(empty_tuple_is_a_singleton),
        T(pack_stores_new_references),
        T(repr_forms),
        T(free_list_reuses_blocks_by_size),
        T(free_list_is_bounded_and_emptied),
        T(collector_untracks_tuples_of_atoms),
        T(hash_is_cpythons),
        T(comparison_is_lexicographic),
        T(indexing_and_slicing),
        T(concatenation_and_repetition),
        T(iteration_and_membership),
        T(cycle_through_tuple_is_collected),
        T(deep_nesting_fails_cleanly),
        T(deep_nesting_deallocates_in_small_stack),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
