/* test_cont_oom.c — allocation failure at every point of every container
 * constructor and growing operation (SQLite's method; support.h's
 * oom_every_point runs each scenario with every request refused in turn,
 * once and forever, and checks status, container, leaks and heap). */
#include "contcheck.h"

static rc_object *ints_list(rc_runtime *rt, int n, int64_t first) {
    rc_object *l = rc_list_new(rt);
    for (int i = 0; i < n; i++) {
        rc_object *x = rc_int_from_i64(rt, first + i);
        rc_list_append(l, x);
        rc_decref(x);
    }
    return l;
}

static rc_object *pairs_list(rc_runtime *rt, int n, int64_t first) {
    rc_object *l = rc_list_new(rt);
    for (int i = 0; i < n; i++) {
        rc_object *k = rc_int_from_i64(rt, first + i);
        rc_object *t = rc_tuple_pack(rt, 2, k, k);
        rc_list_append(l, t);
        rc_decref(t), rc_decref(k);
    }
    return l;
}

static rc_object *ints_dict(rc_runtime *rt, int n, int64_t first) {
    rc_object *d = rc_dict_new(rt), *p = pairs_list(rt, n, first);
    rc_dict_update(d, p);
    rc_decref(p);
    return d;
}

/* Status of an operation returning an object. */
static int obj_status(rc_runtime *rt, rc_object *o, rc_object **out) {
    *out = o;
    return o ? 0 : rc_last_error(rt);
}

/* ---------------------------------------------------------------- setups */

static void s_list4(rc_runtime *rt, rc_object **o) {
    o[0] = ints_list(rt, 4, 1000); /* full: capacity 4 */
    o[1] = ints_list(rt, 20, 2000);
    o[2] = rc_range_new(rt, 0, 30, 1);
}

static void s_list_big(rc_runtime *rt, rc_object **o) {
    o[0] = ints_list(rt, 40, 1000);
    rc_list_reverse(o[0]);
    o[1] = ints_list(rt, 30, 5000);
    rc_object *two = rc_int_from_i64(rt, 2), *one = rc_int_from_i64(rt, 1);
    o[2] = rc_slice_new(rt, one, NULL, two);
    o[3] = rc_slice_new(rt, one, two, NULL);
    rc_decref(two), rc_decref(one);
}

static void s_dict5(rc_runtime *rt, rc_object **o) {
    o[0] = ints_dict(rt, 5, 1000); /* full: the next insert resizes */
    o[1] = ints_dict(rt, 30, 3000);
    o[2] = pairs_list(rt, 30, 5000);
}

static void s_set4(rc_runtime *rt, rc_object **o) {
    rc_object *l = ints_list(rt, 4, 1000);
    o[0] = rc_set_new(rt, l); /* the fifth key grows the table */
    o[1] = ints_list(rt, 40, 1002);
    o[2] = rc_set_new(rt, o[1]);
    rc_decref(l);
}

static void s_tuples(rc_runtime *rt, rc_object **o) {
    rc_object *l = ints_list(rt, 25, 1000);
    o[1] = rc__tuple_from_iterable(rt, l, "");
    o[2] = rc_int_from_i64(rt, 7);
    rc_object *one = rc_int_from_i64(rt, 1), *ten = rc_int_from_i64(rt, 30);
    o[3] = rc_slice_new(rt, one, ten, NULL);
    rc_decref(ten), rc_decref(one), rc_decref(l);
}

/* ------------------------------------------------------------ operations */

static int op_list_append(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)rt, (void)out;
    return rc_list_append(o[0], o[0]);
}

static int op_list_insert(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)rt, (void)out;
    return rc_list_insert(o[0], 0, o[1]);
}

static int op_list_extend_list(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)rt, (void)out;
    return rc_list_extend(o[0], o[1]);
}

static int op_list_extend_iter(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)rt, (void)out;
    return rc_list_extend(o[0], o[2]);
}

static int op_list_setslice(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)rt, (void)out;
    return rc_setitem(o[0], o[3], o[1]); /* l[1:2] = 30 items */
}

static int op_list_extslice(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)rt, (void)out;
    rc_object *src = rc_getitem(o[0], o[2]);
    if (!src)
        return rc_last_error(rt);
    rc_list_reverse(src);
    int r = rc_setitem(o[0], o[2], src); /* l[1::2] = reversed(l[1::2]) */
    rc_decref(src);
    return r;
}

static int op_list_delslice(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)rt, (void)out;
    return rc_delitem(o[0], o[2]);
}

static int op_list_getslice(rc_runtime *rt, rc_object **o, rc_object **out) {
    return obj_status(rt, rc_getitem(o[0], o[2]), out);
}

static int op_list_concat(rc_runtime *rt, rc_object **o, rc_object **out) {
    return obj_status(rt, rc_number_add(o[0], o[1]), out);
}

static int op_list_repeat(rc_runtime *rt, rc_object **o, rc_object **out) {
    rc_object *n = rc_int_from_i64(rt, 3);
    int r = obj_status(rt, rc_number_multiply(o[0], n), out);
    rc_decref(n);
    return r;
}

static int op_list_sort(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)rt, (void)out;
    return rc_list_sort(o[0], NULL, NULL, false);
}

static rc_object *negate(rc_object *item, void *arg) {
    (void)arg;
    return rc_number_negative(item);
}

static int op_list_sort_key(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)rt, (void)out;
    return rc_list_sort(o[0], negate, NULL, true);
}

static int op_list_from_array(rc_runtime *rt, rc_object **o, rc_object **out) {
    rc__list *l = (rc__list *)o[1];
    return obj_status(rt, rc_list_from_array(rt, l->items, l->size), out);
}

static void s_list_selfref(rc_runtime *rt, rc_object **o) {
    s_list_big(rt, o);
    rc_list_append(o[1], o[1]); /* [..., [...]] */
    rc_object *d = ints_dict(rt, 3, 10);
    rc_list_append(o[1], d);
    rc_decref(d);
}

static int op_list_repr(rc_runtime *rt, rc_object **o, rc_object **out) {
    int r = obj_status(rt, rc_repr(o[1]), out);
    assert_int_equal(rt->types->repr_n, 0);
    assert_int_equal(rc_recursion_depth(rt), 0);
    return r;
}

static int op_dict_insert(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)out;
    rc_object *k = rc_int_from_i64(rt, 42); /* cached: no allocation */
    int r = rc_dict_setitem(o[0], k, o[2]);
    rc_decref(k);
    return r;
}

static int op_dict_first_insert(rc_runtime *rt, rc_object **o,
                                rc_object **out) {
    (void)out;
    rc_object *d = rc_dict_new(rt);
    if (!d)
        return rc_last_error(rt);
    rc_object *k = rc_int_from_i64(rt, 42);
    int r = rc_dict_setitem(d, k, o[2]);
    rc_decref(k);
    assert_int_equal(rc_dict_size(d), r == 0);
    rc_decref(d);
    return r;
}

static int op_dict_update_dict(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)rt, (void)out;
    return rc_dict_update(o[0], o[1]);
}

static int op_dict_update_pairs(rc_runtime *rt, rc_object **o,
                                rc_object **out) {
    (void)rt, (void)out;
    return rc_dict_update(o[0], o[2]);
}

static int op_dict_copy(rc_runtime *rt, rc_object **o, rc_object **out) {
    return obj_status(rt, rc_dict_copy(o[1]), out);
}

static int op_dict_merge(rc_runtime *rt, rc_object **o, rc_object **out) {
    return obj_status(rt, rc_number_or(o[0], o[1]), out);
}

static int op_dict_popitem(rc_runtime *rt, rc_object **o, rc_object **out) {
    return obj_status(rt, rc_dict_popitem(o[0]), out);
}

static int op_dict_setdefault(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)out;
    rc_object *k = rc_int_from_i64(rt, 99); /* cached: no allocation */
    rc_object *r = rc_dict_setdefault(o[0], k, k);
    rc_decref(k);
    return r ? 0 : rc_last_error(rt);
}

static int op_dict_items(rc_runtime *rt, rc_object **o, rc_object **out) {
    rc_object *v = rc_dict_items(o[1]);
    if (!v)
        return rc_last_error(rt);
    rc_object *l = rc_list_new(rt);
    int r = l ? rc_list_extend(l, v) : rc_last_error(rt);
    rc_decref(v);
    if (r)
        rc_xdecref(l);
    return obj_status(rt, r ? NULL : l, out);
}

static int op_dict_repr(rc_runtime *rt, rc_object **o, rc_object **out) {
    int r = obj_status(rt, rc_repr(o[1]), out);
    assert_int_equal(rt->types->repr_n, 0);
    return r;
}

static int op_set_add(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)out;
    rc_object *k = rc_int_from_i64(rt, 5);
    int r = rc_set_add(o[0], k);
    rc_decref(k);
    return r;
}

static int op_set_from_list(rc_runtime *rt, rc_object **o, rc_object **out) {
    return obj_status(rt, rc_set_new(rt, o[1]), out);
}

static int op_frozenset(rc_runtime *rt, rc_object **o, rc_object **out) {
    return obj_status(rt, rc_frozenset_new(rt, o[2]), out);
}

static int op_set_algebra(rc_runtime *rt, rc_object **o, rc_object **out) {
    rc_object *r[4] = {
        rc_set_union(o[0], o[2]), rc_set_intersection(o[2], o[1]),
        rc_set_difference(o[2], o[0]), rc_set_symmetric_difference(o[0], o[1])};
    int st = 0;
    for (int i = 0; i < 4; i++) {
        if (!r[i])
            st = rc_last_error(rt);
        rc_xdecref(r[i]);
    }
    *out = NULL;
    return st;
}

static int op_tuple_pack(rc_runtime *rt, rc_object **o, rc_object **out) {
    return obj_status(rt, rc_tuple_pack(rt, 3, o[2], o[2], o[1]), out);
}

static int op_tuple_concat(rc_runtime *rt, rc_object **o, rc_object **out) {
    return obj_status(rt, rc_number_add(o[1], o[1]), out);
}

static int op_tuple_repeat(rc_runtime *rt, rc_object **o, rc_object **out) {
    return obj_status(rt, rc_number_multiply(o[1], o[2]), out);
}

static int op_tuple_slice(rc_runtime *rt, rc_object **o, rc_object **out) {
    return obj_status(rt, rc_getitem(o[1], o[3]), out);
}

static int op_tuple_hash_repr(rc_runtime *rt, rc_object **o, rc_object **out) {
    return obj_status(rt, rc_repr(o[1]), out);
}

static int op_range_slice(rc_runtime *rt, rc_object **o, rc_object **out) {
    rc_object *r = rc_range_new(rt, 0, 100, 3);
    if (!r)
        return rc_last_error(rt);
    rc_object *s = rc_getitem(r, o[3]);
    rc_decref(r);
    return obj_status(rt, s, out);
}

static int op_range_list(rc_runtime *rt, rc_object **o, rc_object **out) {
    (void)o;
    rc_object *r = rc_range_new(rt, 0, 50, 1), *l = rc_list_new(rt);
    int st = r && l ? rc_list_extend(l, r) : rc_last_error(rt);
    rc_xdecref(r);
    if (st)
        rc_xdecref(l);
    return obj_status(rt, st ? NULL : l, out);
}

static const oom_scenario scenarios[] = {
    {"list append", s_list4, op_list_append, true},
    {"list insert", s_list4, op_list_insert, true},
    {"list extend (list)", s_list4, op_list_extend_list, true},
    {"list extend (iterator)", s_list4, op_list_extend_iter, true},
    {"list slice assignment", s_list_big, op_list_setslice, true},
    {"list extended slice assignment", s_list_big, op_list_extslice, true},
    {"list slice deletion", s_list_big, op_list_delslice, true},
    {"list slicing", s_list_big, op_list_getslice, true},
    {"list concatenation", s_list_big, op_list_concat, true},
    {"list repetition", s_list_big, op_list_repeat, true},
    {"list sort", s_list_big, op_list_sort, true},
    {"list sort with key", s_list_big, op_list_sort_key, true},
    {"list from array", s_list_big, op_list_from_array, true},
    {"list repr", s_list_selfref, op_list_repr, true},
    {"dict insert with resize", s_dict5, op_dict_insert, true},
    {"dict first insert", s_dict5, op_dict_first_insert, true},
    {"dict update from dict", s_dict5, op_dict_update_dict, true},
    {"dict update from pairs", s_dict5, op_dict_update_pairs, true},
    {"dict copy", s_dict5, op_dict_copy, true},
    {"dict merge", s_dict5, op_dict_merge, true},
    {"dict popitem", s_dict5, op_dict_popitem, true},
    {"dict setdefault", s_dict5, op_dict_setdefault, true},
    {"dict items", s_dict5, op_dict_items, true},
    {"dict repr", s_dict5, op_dict_repr, true},
    {"set add with resize", s_set4, op_set_add, true},
    {"set from list", s_set4, op_set_from_list, true},
    {"frozenset from set", s_set4, op_frozenset, true},
    {"set algebra", s_set4, op_set_algebra, true},
    {"tuple pack", s_tuples, op_tuple_pack, false},
    {"tuple concatenation", s_tuples, op_tuple_concat, false},
    {"tuple repetition", s_tuples, op_tuple_repeat, false},
    {"tuple slicing", s_tuples, op_tuple_slice, false},
    {"tuple repr", s_tuples, op_tuple_hash_repr, false},
    {"range slicing", s_tuples, op_range_slice, false},
    {"range to list", s_tuples, op_range_list, false},
};

#define NSCENARIOS (sizeof scenarios / sizeof *scenarios)

static void fail_once(void **state) {
    (void)state;
    oom_every_point(scenarios, NSCENARIOS, false);
}

static void fail_forever(void **state) {
    (void)state;
    oom_every_point(scenarios, NSCENARIOS, true);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fail_once),
        cmocka_unit_test(fail_forever),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
