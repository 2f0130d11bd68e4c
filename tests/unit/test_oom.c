/* test_oom.c — every allocation fails in turn (SQLite's method): for
 * N = 1, 2, ... the hook refuses its Nth request, once or forever, while a
 * scenario creates a runtime and objects of every shape. Each step must
 * report RC_ENOMEM / NULL, leave what exists intact, and leak nothing. */
#include "support.h"

typedef struct vthing {
    rc_object ob;
    long items[];
} vthing;

static const rc_type vthing_type = {
    .name = "vthing", .basicsize = sizeof(vthing), .itemsize = sizeof(long)};

static int no_refs(rc_object *self, rc_visitproc visit, void *arg) {
    (void)self, (void)visit, (void)arg;
    return 0;
}

static const rc_type bigtracked_type = {.name = "bigtracked",
                                        .basicsize = 2048,
                                        .flags = RC_TYPE_GC,
                                        .traverse = no_refs};

/* Returns how many steps failed; checks each failure is clean. */
static int scenario(failing_alloc *fa, bool passthrough) {
    rc_config c = failing_config(fa);
    c.passthrough = passthrough;
    rc_runtime *rt = rc_runtime_new(&c);
    if (!rt) {
        assert_int_equal(fa->outstanding, 0);
        return 1;
    }
    int failed = 0;
    rc_object *keep[64];
    int nkeep = 0;
    for (int i = 0; i < 8; i++) {
        for (int k = 0; k < 4; k++) {
            rc_object *o = k == 0   ? (rc_object *)tnode_new(rt)
                           : k == 1 ? rc_new(rt, &tleaf_type)
                           : k == 2
                               ? rc_new_var(rt, &vthing_type, (size_t)(i * 40))
                               : rc_new(rt, &bigtracked_type);
            if (!o) {
                assert_int_equal(rc_last_error(rt), RC_ENOMEM);
                rc_clear_error(rt);
                failed++;
            } else {
                keep[nkeep++] = o;
            }
        }
    }
    /* a raw buffer, small and large */
    void *small = rc_malloc(rt, 64), *large = rc_malloc(rt, 10000);
    failed += !small + !large;
    rc_free(rt, small, 64);
    rc_free(rt, large, 10000);
    /* links between the survivors, then a collection */
    for (int i = 0; i + 1 < nkeep; i++)
        if (keep[i]->type == &tnode_type)
            tnode_set((tnode *)keep[i], 0, keep[i + 1]);
    assert_int_equal(rc_heap_check(rt), 0);
    for (int i = 0; i < nkeep; i++)
        rc_decref(keep[i]);
    rc_gc_collect(rt, 2);
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
    assert_int_equal(fa->outstanding, 0);
    assert_int_equal(fa->live_blocks, 0);
    return failed;
}

static void fail_each_allocation(bool forever, bool passthrough) {
    for (long n = 1;; n++) {
        failing_alloc fa = {.fail_at = n, .forever = forever};
        int failed = scenario(&fa, passthrough);
        if (!fa.failures) {
            assert_int_equal(failed, 0);
            break; /* the scenario needs fewer than n requests */
        }
        assert_true(n < 100000);
    }
}

static void fail_once(void **state) {
    (void)state;
    fail_each_allocation(false, false);
}

static void fail_forever(void **state) {
    (void)state;
    fail_each_allocation(true, false);
}

static void fail_once_passthrough(void **state) {
    (void)state;
    fail_each_allocation(false, true);
}

static void fail_forever_passthrough(void **state) {
    (void)state;
    fail_each_allocation(true, true);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fail_once),
        cmocka_unit_test(fail_forever),
        cmocka_unit_test(fail_once_passthrough),
        cmocka_unit_test(fail_forever_passthrough),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
