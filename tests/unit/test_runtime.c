/* test_runtime.c — runtime creation, configuration, errors, and two
 * runtimes working in parallel threads. */
#include "support.h"

#include <pthread.h>
#include <string.h>

static void new_and_free(void **state) {
    (void)state;
    rc_config c = rc_config_default();
    assert_int_equal(c.size, sizeof(rc_config));
    rc_runtime *rt = test_runtime_new(&c);
    assert_non_null(rt);
    rc_runtime_free(rt);
    rt = test_runtime_new(NULL);
    assert_non_null(rt);
    rc_runtime_free(rt);
    rc_runtime_free(NULL);
}

static void config_is_checked(void **state) {
    (void)state;
    rc_config c = rc_config_default();
    c.size = sizeof(rc_config) + 8;
    assert_null(test_runtime_new(&c));

    failing_alloc fa = {0};
    c = failing_config(&fa);
    c.allocator.free = NULL;
    assert_null(test_runtime_new(&c));

    c = rc_config_default();
    c.heap_limit = 64;
    assert_null(test_runtime_new(&c));

    /* size 0 means "this version" */
    c = rc_config_default();
    c.size = 0;
    rc_runtime *rt = test_runtime_new(&c);
    assert_non_null(rt);
    rc_runtime_free(rt);
}

static void errors(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    assert_int_equal(rc_last_error(rt), RC_OK);
    assert_string_equal(rc_last_error_message(rt), "");
    assert_int_equal(rc_set_error(rt, RC_EKEY, "no key %d", 7), RC_EKEY);
    assert_int_equal(rc_last_error(rt), RC_EKEY);
    assert_string_equal(rc_last_error_message(rt), "no key 7");
    rc_clear_error(rt);
    assert_int_equal(rc_last_error(rt), RC_OK);
    assert_string_equal(rc_strerror(RC_OK), "success");
    assert_string_equal(rc_strerror(RC_ENOMEM), "out of memory");
    for (int s = RC_ESTATE; s < 0; s++)
        assert_true(strlen(rc_strerror(s)) > 3);
    assert_string_equal(rc_strerror(-1000), "unknown status");
    assert_string_equal(rc_strerror(5), "unknown status");
    rc_runtime_free(rt);
}

static const rc_type big_type = {.name = "big", .basicsize = 4000};

static void runtime_of(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_object *small = &tnode_new(rt)->ob;
    rc_object *leaf = rc_new(rt, &tleaf_type);
    rc_object *big = rc_new(rt, &big_type);
    assert_ptr_equal(rc_runtime_of(small), rt);
    assert_ptr_equal(rc_runtime_of(leaf), rt);
    assert_ptr_equal(rc_runtime_of(big), rt);
    rc_decref(small);
    rc_decref(leaf);
    rc_decref(big);

    rc_config c = rc_config_default();
    c.passthrough = true;
    rc_runtime *pt = test_runtime_new(&c);
    rc_object *o = &tnode_new(pt)->ob;
    assert_ptr_equal(rc_runtime_of(o), pt);
    rc_decref(o);
    rc_runtime_free(pt);
    rc_runtime_free(rt);
}

/* Each thread builds rings, drops them and collects, in its own runtime. */
typedef struct worker {
    long freed;
    int check;
    size_t blocks_left;
} worker;

static void *work(void *p) {
    worker *w = p;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_set_threshold(rt, 100, 5, 5);
    for (int round = 0; round < 200; round++) {
        tnode *first = tnode_new(rt), *prev = first;
        for (int i = 0; i < 50; i++) {
            tnode *n = tnode_new(rt);
            tnode_set(prev, 0, &n->ob);
            rc_decref(&prev->ob);
            prev = n;
        }
        tnode_set(prev, 0, &first->ob);
        rc_decref(&prev->ob);
        w->freed += rc_gc_collect(rt, round % 3);
    }
    w->freed += rc_gc_collect(rt, 2);
    w->check = rc_heap_check(rt);
    w->blocks_left = blocks_in_use(rt);
    rc_runtime_free(rt);
    return NULL;
}

static void two_runtimes_in_two_threads(void **state) {
    (void)state;
    worker w[2] = {{0}};
    pthread_t th[2];
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&th[i], NULL, work, &w[i]), 0);
    for (int i = 0; i < 2; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(w[i].check, 0);
        /* every ring of 51 nodes was found, by an explicit or an
         * automatic collection, and nothing is left */
        assert_true(w[i].freed <= 200 * 51);
        assert_int_equal(w[i].blocks_left, 0);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_and_free),
        cmocka_unit_test(config_is_checked),
        cmocka_unit_test(errors),
        cmocka_unit_test(runtime_of),
        cmocka_unit_test(two_runtimes_in_two_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
