/* test_range.c — slice.indices() against a table made with CPython, slice
 * objects, and range: length, items, slicing, membership, equality and
 * hash, iteration, int64 extremes. */
#define CONTCHECK_FIXTURE /* a runtime per test: rt, setup, teardown */
#include "contcheck.h"

#include "slice_cases.h"

static rc_object *int_or_null(const char *digits) {
    if (!digits)
        return NULL;
    rc_object *o = rc_int_from_string(rt, digits, 10);
    assert_non_null(o);
    return o;
}

/* ====================================================================== */
/* slice                                                                   */
/* ====================================================================== */

static void slice_indices_match_cpython(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof slice_cases / sizeof *slice_cases; i++) {
        const struct slice_case *c = &slice_cases[i];
        rc_object *a = int_or_null(c->start), *b = int_or_null(c->stop);
        rc_object *s = int_or_null(c->step), *sl = rc_slice_new(rt, a, b, s);
        ptrdiff_t start, stop, step;
        ptrdiff_t n = rc_slice_indices(sl, (size_t)c->n, &start, &stop, &step);
        if (n != c->count || start != c->istart || stop != c->istop ||
            step != c->istep)
            fail_msg("case %zu: slice(%s, %s, %s).indices(%lld): got %td %td "
                     "%td count %td",
                     i, c->start, c->stop, c->step, (long long)c->n, start,
                     stop, step, n);
        rc_decref(sl);
        rc_xdecref(a), rc_xdecref(b), rc_xdecref(s);
    }
}

static void slice_objects(void **state) {
    (void)state;
    rc_object *one = I(rt, 1), *two = I(rt, 2), *z = I(rt, 0),
              *x = STR(rt, "x");
    rc_object *s = rc_slice_new(rt, one, two, NULL);
    assert_repr(s, "slice(1, 2, None)");
    ptrdiff_t a, b, c;
    rc_object *bad = rc_slice_new(rt, NULL, NULL, z);
    assert_int_equal(rc_slice_indices(bad, 5, &a, &b, &c), RC_EVALUE);
    assert_error(rt, RC_EVALUE, "slice step cannot be zero");
    rc_object *bad2 = rc_slice_new(rt, x, NULL, NULL);
    assert_int_equal(rc_slice_indices(bad2, 5, &a, &b, &c), RC_ETYPE);
    assert_error(rt, RC_ETYPE,
                 "slice indices must be integers or None or have an __index__ "
                 "method");
    rc_object *l = rc_list_new(rt);
    assert_null(rc_getitem(l, bad));
    assert_error(rt, RC_EVALUE, "slice step cannot be zero");
    rc_object *s2 = rc_slice_new(rt, one, two, NULL),
              *s3 = rc_slice_new(rt, one, one, NULL);
    assert_int_equal(rc_equal(s, s2), 1);
    assert_int_equal(rc_compare(s3, s, RC_LT), 1);
    int64_t h;
    assert_int_equal(rc_hash(s, &h), RC_EHASH);
    /* a slice can be part of a cycle */
    rc_object *cyc = rc_slice_new(rt, l, NULL, NULL);
    rc_list_append(l, cyc);
    rc_decref(cyc), rc_decref(l);
    assert_int_equal(rc_gc_collect(rt, 2), 2);
    rc_decref(s), rc_decref(s2), rc_decref(s3), rc_decref(bad), rc_decref(bad2);
    rc_decref(one), rc_decref(two), rc_decref(z), rc_decref(x);
}

/* ====================================================================== */
/* range                                                                   */
/* ====================================================================== */

static void basics_and_messages(void **state) {
    (void)state;
    assert_null(rc_range_new(rt, 0, 10, 0));
    assert_error(rt, RC_EVALUE, "range() arg 3 must not be zero");
    rc_object *r = rc_range_new(rt, 0, 10, 1), *r2 = rc_range_new(rt, 0, 10, 2);
    assert_repr(r, "range(0, 10)");
    assert_repr(r2, "range(0, 10, 2)");
    assert_int_equal(rc_len(r2), 5);
    rc_object *k = I(rt, -1), *v = rc_getitem(r2, k);
    assert_int_equal(int_of(v), 8);
    rc_decref(v), rc_decref(k);
    k = I(rt, 5);
    assert_null(rc_getitem(r2, k));
    assert_error(rt, RC_EINDEX, "range object index out of range");
    rc_decref(k);
    k = I(rt, -6);
    assert_null(rc_getitem(r2, k));
    rc_decref(k);
    k = STR(rt, "a");
    assert_null(rc_getitem(r2, k));
    assert_error(rt, RC_ETYPE,
                 "range indices must be integers or slices, not str");
    assert_int_equal(rc_setitem(r2, k, k), RC_ETYPE);
    rc_decref(k);
    rc_object *e = rc_range_new(rt, 5, 5, 1);
    assert_int_equal(rc_truth(e), 0);
    assert_int_equal(rc_truth(r), 1);
    assert_string_equal(rc_type_name(r), "range");
    assert_false(rc_gc_is_tracked(r)); /* holds no objects */
    rc_decref(e), rc_decref(r), rc_decref(r2);
}

static rc_object *materialize(rc_object *r) {
    rc_object *l = rc_list_new(rt);
    assert_int_equal(rc_list_extend(l, r), 0);
    return l;
}

static void items_and_slices_agree_with_lists(void **state) {
    (void)state;
    uint64_t seed = 77;
    for (int round = 0; round < 3000; round++) {
        int64_t start = (int64_t)rng_below(&seed, 41) - 20;
        int64_t stop = (int64_t)rng_below(&seed, 41) - 20;
        int64_t step = (int64_t)rng_below(&seed, 11) - 5;
        if (step == 0)
            step = 7;
        rc_object *r = rc_range_new(rt, start, stop, step), *l = materialize(r);
        /* len and items against the direct enumeration */
        int64_t n = 0;
        for (int64_t v = start; step > 0 ? v < stop : v > stop; v += step) {
            rc_object *ix = I(rt, n), *it = rc_getitem(r, ix);
            assert_int_equal(int_of(it), v);
            rc_decref(it), rc_decref(ix);
            n++;
        }
        assert_int_equal(rc_len(r), n);
        assert_int_equal(rc_list_size(l), n);
        /* a slice of the range is the same slice of the list */
        rc_object *b[3];
        for (int k = 0; k < 3; k++) {
            int64_t x = (int64_t)rng_below(&seed, 31) - 15;
            b[k] = rng_below(&seed, 4) ? I(rt, k == 2 && x == 0 ? 2 : x) : NULL;
        }
        rc_object *sl = rc_slice_new(rt, b[0], b[1], b[2]);
        rc_object *rs = rc_getitem(r, sl), *ls = rc_getitem(l, sl),
                  *rl = materialize(rs);
        assert_true(rc_is_range(rs));
        assert_int_equal(rc_equal(rl, ls), 1);
        /* membership of each candidate as the list says */
        for (int64_t v = -25; v <= 25; v++) {
            rc_object *x = I(rt, v);
            assert_int_equal(rc_contains(r, x), rc_contains(l, x));
            rc_decref(x);
        }
        rc_decref(rl), rc_decref(ls), rc_decref(rs), rc_decref(sl);
        for (int k = 0; k < 3; k++)
            rc_xdecref(b[k]);
        rc_decref(l), rc_decref(r);
    }
}

static void membership_of_other_types(void **state) {
    (void)state;
    rc_object *r = rc_range_new(rt, 0, 3, 1),
              *f = rc_float_from_double(rt, 1.0);
    rc_object *g = rc_float_from_double(rt, 1.5), *t = rc_true(rt),
              *s = STR(rt, "1");
    rc_object *huge = rc_int_from_string(rt, "100000000000000000000000", 10);
    assert_int_equal(rc_contains(r, f), 1);
    assert_int_equal(rc_contains(r, g), 0);
    assert_int_equal(rc_contains(r, t), 1);
    assert_int_equal(rc_contains(r, s), 0);
    assert_int_equal(rc_contains(r, huge), 0);
    rc_decref(huge), rc_decref(s), rc_decref(t), rc_decref(g), rc_decref(f),
        rc_decref(r);
}

static int64_t hash_of(rc_object *o) {
    int64_t h;
    assert_int_equal(rc_hash(o, &h), 0);
    return h;
}

static void equality_and_hash(void **state) {
    (void)state;
    rc_object *a = rc_range_new(rt, 0, 3, 2), *b = rc_range_new(rt, 0, 4, 2);
    rc_object *e1 = rc_range_new(rt, 0, 0, 1), *e2 = rc_range_new(rt, 5, 1, 3);
    rc_object *o1 = rc_range_new(rt, 7, 8, 1),
              *o2 = rc_range_new(rt, 7, 0, -100);
    assert_int_equal(rc_equal(a, b), 1); /* both are [0, 2] */
    assert_int_equal(rc_equal(e1, e2), 1);
    assert_int_equal(rc_equal(o1, o2), 1);
    assert_int_equal(rc_equal(a, o1), 0);
    assert_true(hash_of(a) == hash_of(b));
    assert_true(hash_of(e1) == hash_of(e2));
    assert_true(hash_of(o1) == hash_of(o2));
    assert_int_equal(rc_compare(a, b, RC_LT), RC_ETYPE);
    rc_object *r5 = rc_range_new(rt, 0, 5, 1), *r3 = rc_range_new(rt, 0, 10, 3);
    rc_object *rd = rc_range_new(rt, 10, 0, -2);
    /* CPython 3.11 values (hash((len, start, step))) */
    assert_true(hash_of(r5) == 5795932985296280846LL);
    assert_true(hash_of(r3) == -1816567394155750349LL);
    assert_true(hash_of(rd) == 1417992660661968712LL);
    rc_decref(r5), rc_decref(r3), rc_decref(rd);
    rc_decref(a), rc_decref(b), rc_decref(e1), rc_decref(e2), rc_decref(o1),
        rc_decref(o2);
}

static void iteration(void **state) {
    (void)state;
    rc_object *r = rc_range_new(rt, 10, -3, -4), *it = rc_iter(r), *x;
    assert_string_equal(rc_type_name(it), "range_iterator");
    static const int64_t expect[] = {10, 6, 2, -2};
    int n = 0;
    while (rc_next(it, &x) == 1) {
        assert_true(n < 4);
        assert_int_equal(int_of(x), expect[n++]);
        rc_decref(x);
    }
    assert_int_equal(n, 4);
    assert_int_equal(rc_next(it, &x), 0);
    rc_decref(it), rc_decref(r);
}

static void int64_extremes(void **state) {
    (void)state;
    rc_object *r = rc_range_new(rt, INT64_MIN, INT64_MAX, 1);
    assert_int_equal(rc_len(r), RC_EOVERFLOW);
    assert_int_equal(rc_truth(r), 1);
    rc_object *k = I(rt, -1), *v = rc_getitem(r, k);
    assert_true(int_of(v) == INT64_MAX - 1);
    rc_decref(v), rc_decref(k);
    k = I(rt, INT64_MAX - 1);
    assert_int_equal(rc_contains(r, k), 1);
    rc_decref(k);
    k = I(rt, INT64_MAX);
    assert_int_equal(rc_contains(r, k), 0);
    rc_decref(k);
    rc_object *five = I(rt, 5), *ten = I(rt, 10),
              *sl = rc_slice_new(rt, five, ten, NULL);
    rc_object *rs = rc_getitem(r, sl);
    assert_repr(rs, "range(-9223372036854775803, -9223372036854775798)");
    rc_decref(rs), rc_decref(sl), rc_decref(ten), rc_decref(five);
    rc_object *big = rc_range_new(rt, INT64_MAX, INT64_MIN, INT64_MIN);
    assert_int_equal(rc_len(big), 2); /* INT64_MAX, -1 */
    rc_object *it = rc_iter(big), *x;
    assert_int_equal(rc_next(it, &x), 1);
    assert_true(int_of(x) == INT64_MAX);
    rc_decref(x);
    assert_int_equal(rc_next(it, &x), 1);
    assert_int_equal(int_of(x), -1);
    rc_decref(x);
    assert_int_equal(rc_next(it, &x), 0);
    rc_decref(it), rc_decref(big), rc_decref(r);
}

/* The getters behind Python's range.start/stop/step and slice.start/
 * stop/step. */
static void getters(void **state) {
    (void)state;
    rc_object *r = rc_range_new(rt, 5, -3, -2);
    int64_t a, b, c;
    rc_range_bounds(r, &a, &b, &c);
    assert_true(a == 5 && b == -3 && c == -2);
    rc_object *one = I(rt, 1), *x = STR(rt, "x");
    rc_object *s = rc_slice_new(rt, one, NULL, x), *p, *q, *t;
    rc_slice_parts(s, &p, &q, &t);
    assert_ptr_equal(p, one);
    assert_true(rc_is_none(q));
    assert_ptr_equal(t, x);
    rc_decref(s), rc_decref(x), rc_decref(one), rc_decref(r);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
    const struct CMUnitTest tests[] = {
        T(slice_indices_match_cpython),
        T(slice_objects),
        T(basics_and_messages),
        T(items_and_slices_agree_with_lists),
        T(membership_of_other_types),
        T(equality_and_hash),
        T(iteration),
        T(int64_extremes),
        T(getters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
