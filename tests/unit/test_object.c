/* test_object.c — objects and reference counting: creation, counts,
 * finalization and resurrection, immortality, deallocation without deep C
 * recursion, and the misuse reports of debug builds. */
#include "support.h"

#include <stdio.h>
#include <string.h>

static void new_objects_are_zeroed_and_counted(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *t = tnode_new(rt);
    assert_non_null(t);
    assert_int_equal(rc_refcnt(&t->ob), 1);
    assert_ptr_equal(t->ob.type, &tnode_type);
    for (int i = 0; i < NODE_LINKS; i++)
        assert_null(t->link[i]);
    assert_true(rc_gc_is_tracked(&t->ob));
    rc_object *u = rc_new_untracked(rt, &tnode_type);
    assert_false(rc_gc_is_tracked(u));
    rc_gc_track(u);
    assert_true(rc_gc_is_tracked(u));
    rc_object *leaf = rc_new(rt, &tleaf_type);
    assert_false(rc_gc_is_tracked(leaf));
    rc_gc_track(leaf); /* not a GC type: nothing to do */
    assert_false(rc_gc_is_tracked(leaf));
    rc_decref(&t->ob);
    rc_decref(u);
    rc_decref(leaf);
    rc_runtime_free(rt);
}

typedef struct vobj {
    rc_object ob;
    size_t n;
    long items[];
} vobj;

static const rc_type vobj_type = {
    .name = "vobj", .basicsize = sizeof(vobj), .itemsize = sizeof(long)};

static void variable_size_objects(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    for (size_t n = 0; n < 2000; n += 97) {
        vobj *v = (vobj *)rc_new_var(rt, &vobj_type, n);
        assert_non_null(v);
        v->n = n;
        for (size_t i = 0; i < n; i++) {
            assert_int_equal(v->items[i], 0);
            v->items[i] = (long)i;
        }
        rc_decref(&v->ob);
    }
    assert_null(rc_new_var(rt, &vobj_type, SIZE_MAX / 4));
    assert_int_equal(rc_last_error(rt), RC_EOVERFLOW);
    static const rc_type tiny = {.name = "tiny", .basicsize = 8};
    assert_null(rc_new(rt, &tiny));
    assert_int_equal(rc_last_error(rt), RC_EINVAL);
    rc_runtime_free(rt);
}

/* --------------------------------------------------- finalize and order */

typedef struct probe {
    rc_object ob;
    char *log;        /* events are appended here */
    rc_object **keep; /* if set, the finalizer stores self here (resurrects) */
} probe;

static void log_event(probe *p, const char *what) {
    strcat(p->log, what);
}

static void probe_finalize(rc_object *self) {
    probe *p = (probe *)self;
    log_event(p, "F");
    if (p->keep && !*p->keep) {
        rc_incref(self);
        *p->keep = self;
    }
}

static void probe_dealloc(rc_object *self) {
    log_event((probe *)self, "D");
}

static const rc_type probe_type = {
    .name = "probe",
    .basicsize = sizeof(probe),
    .finalize = probe_finalize,
    .dealloc = probe_dealloc,
};

static void finalize_runs_once_before_dealloc(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    char log[32] = "";
    probe *p = (probe *)rc_new(rt, &probe_type);
    p->log = log;
    rc_incref(&p->ob);
    rc_decref(&p->ob);
    assert_string_equal(log, "");
    rc_decref(&p->ob);
    assert_string_equal(log, "FD");
    rc_runtime_free(rt);
}

static void finalizer_may_resurrect(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    char log[32] = "";
    rc_object *kept = NULL;
    probe *p = (probe *)rc_new(rt, &probe_type);
    p->log = log;
    p->keep = &kept;
    rc_decref(&p->ob);
    assert_string_equal(log, "F"); /* finalized, not freed */
    assert_ptr_equal(kept, &p->ob);
    assert_int_equal(rc_refcnt(kept), 1);
    assert_true(rc_gc_is_finalized(kept));
    rc_decref(kept); /* the second death does not finalize again */
    assert_string_equal(log, "FD");
    rc_runtime_free(rt);
}

static void immortal_objects_are_never_freed(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    char log[32] = "";
    probe *p = (probe *)rc_new(rt, &probe_type);
    p->log = log;
    rc_set_immortal(&p->ob);
    for (int i = 0; i < 10; i++)
        rc_decref(&p->ob);
    rc_incref(&p->ob);
    assert_int_equal(rc_refcnt(&p->ob), RC_IMMORTAL);
    assert_string_equal(log, "");
    /* counts saturate: one below immortal, one more makes it immortal */
    rc_object *leaf = rc_new(rt, &tleaf_type);
    leaf->refcnt = RC_IMMORTAL - 1;
    rc_incref(leaf);
    assert_int_equal(rc_refcnt(leaf), RC_IMMORTAL);
    rc_incref(leaf);
    rc_decref(leaf);
    assert_int_equal(rc_refcnt(leaf), RC_IMMORTAL);
    rc_runtime_free(rt);
}

/* ---------------------------------------------- no unbounded recursion */

typedef struct deep {
    rc_runtime *rt;
    size_t n;
    size_t blocks_after;
} deep;

/* A chain of boxes (not GC objects): box -> box -> ... -> leaf. */
static void free_chain(void *arg) {
    deep *d = arg;
    rc_object *head = rc_new(d->rt, &tleaf_type);
    for (size_t i = 0; i < d->n; i++) {
        rc_object *b = tbox_new(d->rt, head);
        rc_decref(head);
        head = b;
    }
    rc_decref(head);
    d->blocks_after = blocks_in_use(d->rt);
}

/* Nested containers (GC objects): each holds the next, a million deep. */
static void free_nesting(void *arg) {
    deep *d = arg;
    tnode *outer = tnode_new(d->rt);
    for (size_t i = 0; i < d->n; i++) {
        tnode *n = tnode_new(d->rt);
        tnode_set(n, 0, &outer->ob);
        rc_decref(&outer->ob);
        outer = n;
    }
    rc_decref(&outer->ob);
    d->blocks_after = blocks_in_use(d->rt);
}

static void ten_million_chain_in_small_stack(void **state) {
    (void)state;
    deep d = {.rt = test_runtime_new(NULL), .n = 10000000};
    run_with_stack(256 * 1024, free_chain, &d);
    assert_int_equal(d.blocks_after, 0);
    rc_runtime_free(d.rt);
}

static void million_deep_nesting_in_small_stack(void **state) {
    (void)state;
    deep d = {.rt = test_runtime_new(NULL), .n = 1000000};
    rc_gc_disable(d.rt); /* this test is about deallocation only */
    run_with_stack(256 * 1024, free_nesting, &d);
    assert_int_equal(d.blocks_after, 0);
    rc_runtime_free(d.rt);
}

/* ------------------------------------------ misuse reports (RC_DEBUG) */

static void double_decref(void *arg) {
    (void)arg;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_object *neighbour = rc_new(rt, &tleaf_type); /* keeps the pool in use */
    rc_object *o = rc_new(rt, &tleaf_type);
    rc_object *alias = o;
    (void)neighbour;
    rc_decref(o);
    rc_decref(alias);
}

static void suicidal_dealloc(rc_object *self) {
    rc_decref(self);
}

static const rc_type suicidal_type = {
    .name = "suicidal", .basicsize = 32, .dealloc = suicidal_dealloc};

static void underflow(void *arg) {
    (void)arg;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_decref(rc_new(rt, &suicidal_type));
}

static void misuse_is_reported_with_the_type(void **state) {
    (void)state;
    if (!RC_DEBUG)
        skip();
    char err[2048];
    assert_true(run_in_child(double_decref, NULL, err, sizeof err));
    assert_non_null(strstr(err, "decref of a freed object (type 'tleaf'"));
    assert_true(run_in_child(underflow, NULL, err, sizeof err));
    assert_non_null(strstr(err, "type 'suicidal'"));
    assert_non_null(strstr(err, "underflow"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_objects_are_zeroed_and_counted),
        cmocka_unit_test(variable_size_objects),
        cmocka_unit_test(finalize_runs_once_before_dealloc),
        cmocka_unit_test(finalizer_may_resurrect),
        cmocka_unit_test(immortal_objects_are_never_freed),
        cmocka_unit_test(ten_million_chain_in_small_stack),
        cmocka_unit_test(million_deep_nesting_in_small_stack),
        cmocka_unit_test(misuse_is_reported_with_the_type),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
