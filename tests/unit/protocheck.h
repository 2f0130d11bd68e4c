/*
 * protocheck.h — what the protocol tests share (test_protocol.c,
 * test_protocol_types.c), written only against the public headers: a
 * type of our own, "thing", with every slot of the protocol, a type with
 * none ("plain"), an exception type ("MyError"), the fixture (a fresh
 * runtime per test, checked for leaks after it) and assertions on text
 * and errors. The types themselves are in protocheck.c.
 */
#ifndef RC_PROTOCHECK_H
#define RC_PROTOCHECK_H

#include "support.h"

#include <rcgc/objects.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- types */

/* An exception object of the embedding language. */
typedef struct myerror {
    rc_object ob;
    int code;
} myerror;

extern const rc_type myerror_type;
rc_object *myerror_new(rc_runtime *rt, int code); /* new; asserts */

/* A class-like type through the protocol: an int64 value; hash v % 7
 * (collisions on purpose); compares with things and ints; repr "T(v)",
 * str "tv", format "x" as hex; len v; + and - (reflected too), += in
 * place, unary -; call returns (v, nargs, kwnames, args...); attribute
 * "v"; extra_size 100. */
typedef struct thing {
    rc_object ob;
    int64_t v;
} thing;

extern const rc_type thing_type;
extern const rc_type plain_type; /* no protocol at all: the defaults */

/* While thing_raise is set, comparisons of things after the first
 * thing_fail_after fail with it as their error object (a failing __eq__);
 * thing_compares counts the comparisons made. */
extern rc_object *thing_raise;
extern int thing_fail_after;
extern int thing_compares;

rc_object *thing_new(rc_runtime *rt, int64_t v); /* new, or NULL */

static inline bool is_thing(const rc_object *o) {
    return o->type == &thing_type;
}

static inline int64_t V(const rc_object *o) {
    return ((const thing *)o)->v;
}

/* -------------------------------------------------------------- fixture */

#ifdef PROTOCHECK_FIXTURE
/* Each test gets a fresh runtime, checked for leaks and freed after it. */

static rc_runtime *rt;
static size_t base_blocks; /* held after setup: what a test must give back */

/* A container's repr, once: the runtime's repr stack is made on first use
 * and kept. */
static inline void warm_up(rc_runtime *r) {
    rc_object *none = rc_none(r), *t = rc_tuple_pack(r, 1, none);
    rc_decref(rc_repr(t));
    rc_decref(t), rc_decref(none);
}

static inline int setup(void **state) {
    (void)state;
    rt = test_runtime_new(NULL);
    if (!rt)
        return -1;
    warm_up(rt);
    rc_gc_collect(rt, 2); /* and the free lists emptied */
    base_blocks = blocks_in_use(rt);
    return 0;
}

static inline int teardown(void **state) {
    (void)state;
    assert_int_equal(rc_heap_check(rt), 0);
    assert_int_equal(rc_recursion_depth(rt), 0);
    rc_clear_error(rt);
    rc_gc_collect(rt, 2);
    assert_int_equal(blocks_in_use(rt), base_blocks); /* nothing leaked */
    rc_runtime_free(rt);
    return 0;
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

/* repr / str / any str-returning call as a C string into buf. */
static inline const char *text(rc_object *s, char *buf, size_t cap) {
    assert_non_null(s);
    snprintf(buf, cap, "%s", rc_str_utf8(s));
    rc_decref(s);
    return buf;
}

#define assert_text(call, expected)                                            \
    do {                                                                       \
        char buf_[512];                                                        \
        assert_string_equal(text((call), buf_, sizeof buf_), (expected));      \
    } while (0)

#define assert_error(status, msg)                                              \
    do {                                                                       \
        assert_int_equal(rc_last_error(rt), (status));                         \
        assert_string_equal(rc_last_error_message(rt), (msg));                 \
        rc_clear_error(rt);                                                    \
    } while (0)

static inline rc_object *I(int64_t v) {
    rc_object *o = rc_int_from_i64(rt, v);
    assert_non_null(o);
    return o;
}

static inline rc_object *S(const char *s) {
    rc_object *o = rc_str_from_cstr(rt, s);
    assert_non_null(o);
    return o;
}

static inline rc_object *TH(int64_t v) {
    rc_object *o = thing_new(rt, v);
    assert_non_null(o);
    return o;
}

/* repr of a new reference (released with its repr). */
static inline rc_object *repr_of(rc_object *o) {
    assert_non_null(o);
    rc_object *s = rc_repr(o);
    rc_decref(o);
    return s;
}

#endif /* PROTOCHECK_FIXTURE */

#endif
