/*
 * contcheck.h — helpers for the container tests (test_tuple.c, test_list.c,
 * test_dict.c, test_set.c, test_range.c, test_cont_oom.c): making ints and
 * strs, asserting reprs and error messages, and reaching the containers'
 * internals (free-list lengths, list capacity) through src/types/cont.h.
 */
#ifndef RC_CONTCHECK_H
#define RC_CONTCHECK_H

#include "support.h"

#include "types/cont.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline rc_object *I(rc_runtime *rt, int64_t v) {
    rc_object *o = rc_int_from_i64(rt, v);
    assert_non_null(o);
    return o;
}

static inline rc_object *STR(rc_runtime *rt, const char *s) {
    rc_object *o = rc_str_from_cstr(rt, s);
    assert_non_null(o);
    return o;
}

#define assert_repr(o, expected)                                               \
    do {                                                                       \
        char buf_[4096];                                                       \
        assert_true(repr_into((o), buf_, sizeof buf_));                        \
        assert_string_equal(buf_, (expected));                                 \
    } while (0)

/* The last error is status with exactly this message. */
#define assert_error(rt, status, msg)                                          \
    do {                                                                       \
        assert_int_equal(rc_last_error(rt), (status));                         \
        assert_string_equal(rc_last_error_message(rt), (msg));                 \
    } while (0)

static inline int64_t int_of(rc_object *o) {
    int64_t v = 0;
    assert_int_equal(rc_int_to_i64(o, &v), 0);
    return v;
}

static inline size_t list_cap(rc_object *l) {
    return ((rc__list *)l)->cap;
}

static inline rc__cont_state *cont_state(rc_runtime *rt) {
    return &rt->types->cont;
}

#ifdef CONTCHECK_FIXTURE
/* Each test gets a fresh runtime, checked and freed after it. */
static rc_runtime *rt;

static int setup(void **state) {
    (void)state;
    rt = rc_runtime_new(NULL);
    return rt ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    assert_int_equal(rc_heap_check(rt), 0);
    rc_runtime_free(rt);
    return 0;
}
#endif

#endif
