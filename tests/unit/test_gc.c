#define _POSIX_C_SOURCE 200809L
/* test_gc.c — the cycle collector as the seeds describe it and the gc-module
 * API: cycles found and freed, generation counters and thresholds, debug
 * output, gc.garbage, finalizers and resurrection, callbacks, statistics,
 * object queries, freezing, safe points and emergency collection. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many tracked objects generation g holds (-1: all three). */
static size_t gen_size(rc_runtime *rt, int g) {
    size_t n;
    rc_object **objs = rc_gc_get_objects(rt, g, &n);
    rc_gc_release_objects(rt, objs, n);
    return n;
}

static void count_is(const rc_runtime *rt, size_t c0, size_t c1, size_t c2) {
    size_t c[3];
    rc_gc_get_count(rt, c);
    assert_int_equal(c[0], c0);
    assert_int_equal(c[1], c1);
    assert_int_equal(c[2], c2);
}

/* A two-node cycle a <-> b that nothing else refers to. */
static void make_pair(rc_runtime *rt) {
    tnode *a = tnode_new(rt), *b = tnode_new(rt);
    tnode_set(a, 0, &b->ob);
    tnode_set(b, 0, &a->ob);
    rc_decref(&a->ob);
    rc_decref(&b->ob);
}

/* ---------------------------------------------------------- the seeds */

static void self_loop_is_collected(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *a = tnode_new(rt);
    tnode_set(a, 0, &a->ob); /* a.append(a) */
    assert_int_equal(rc_refcnt(&a->ob), 2);
    rc_decref(&a->ob);
    assert_int_equal(rc_gc_collect(rt, 2), 1);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* seed 001: a = []; b = [a]; a.append(b); del a; del b; gc.collect() -> 2 */
static void two_node_cycle_returns_two(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    make_pair(rt);
    assert_int_equal(blocks_in_use(rt), 2);
    assert_int_equal(rc_gc_collect(rt, 2), 2);
    assert_int_equal(blocks_in_use(rt), 0);
    assert_int_equal(rc_gc_collect(rt, 2), 0);
    rc_runtime_free(rt);
}

/* seed 000: f2() makes c1 <-> c2 pairs in a loop; with gc disabled memory
 * grows, and a manual gc.collect() frees it. */
static void disabled_collector_leaks_until_collect(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    assert_false(rc_gc_isenabled(rt));
    size_t before = blocks_in_use(rt);
    for (int i = 0; i < 5000; i++)
        make_pair(rt);
    assert_int_equal(blocks_in_use(rt), before + 10000);
    assert_int_equal(rc_gc_collect(rt, 2), 10000);
    assert_int_equal(blocks_in_use(rt), before);
    rc_gc_enable(rt);
    assert_true(rc_gc_isenabled(rt));
    for (int i = 0; i < 5000; i++)
        make_pair(rt); /* now automatic collections keep it bounded */
    assert_true(blocks_in_use(rt) < before + 2000);
    rc_runtime_free(rt);
}

/* seed 000: get_count is allocations minus deallocations since the last
 * generation-0 collection; collecting g zeroes 0..g and adds one to g+1. */
static void get_count_moves_as_the_seed_says(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    count_is(rt, 0, 0, 0);
    tnode *a = tnode_new(rt);
    count_is(rt, 1, 0, 0);
    rc_object *leaf = rc_new(rt, &tleaf_type); /* not a GC type: not counted */
    count_is(rt, 1, 0, 0);
    rc_object *u = rc_new_untracked(rt, &tnode_type); /* counted anyway */
    count_is(rt, 2, 0, 0);
    rc_decref(u);
    count_is(rt, 1, 0, 0);
    rc_decref(leaf);
    rc_decref(&a->ob);
    count_is(rt, 0, 0, 0);
    rc_decref(rc_new(rt, &tnode_type)); /* never below zero */
    count_is(rt, 0, 0, 0);
    tnode *keep[3];
    for (int i = 0; i < 3; i++)
        keep[i] = tnode_new(rt);
    count_is(rt, 3, 0, 0);
    rc_gc_collect(rt, 0);
    count_is(rt, 0, 1, 0);
    rc_gc_collect(rt, 0);
    count_is(rt, 0, 2, 0);
    rc_gc_collect(rt, 1);
    count_is(rt, 0, 0, 1);
    rc_gc_collect(rt, 2);
    count_is(rt, 0, 0, 0);
    for (int i = 0; i < 3; i++)
        rc_decref(&keep[i]->ob);
    rc_runtime_free(rt);
}

static void generations_promote_survivors(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    tnode *a = tnode_new(rt);
    size_t n;
    rc_object **g0 = rc_gc_get_objects(rt, 0, &n);
    assert_int_equal(n, 1);
    assert_ptr_equal(g0[0], &a->ob);
    rc_gc_release_objects(rt, g0, n);
    rc_gc_collect(rt, 0);
    assert_int_equal(gen_size(rt, 0), 0);
    rc_object **g1 = rc_gc_get_objects(rt, 1, &n);
    assert_int_equal(n, 1);
    rc_gc_release_objects(rt, g1, n);
    rc_gc_collect(rt, 1);
    rc_object **g2 = rc_gc_get_objects(rt, 2, &n);
    assert_int_equal(n, 1);
    assert_ptr_equal(g2[0], &a->ob);
    rc_gc_release_objects(rt, g2, n);
    rc_object **all = rc_gc_get_objects(rt, -1, &n);
    assert_int_equal(n, 1);
    rc_gc_release_objects(rt, all, n);
    assert_null(rc_gc_get_objects(rt, 3, &n));
    assert_int_equal(rc_last_error(rt), RC_EINVAL);
    assert_int_equal(rc_gc_collect(rt, 3), RC_EINVAL);
    rc_decref(&a->ob);
    rc_runtime_free(rt);
}

/* ----------------------------------------------------------- triggers */

static size_t collections(const rc_runtime *rt, int g) {
    rc_gc_gen_stats st[3];
    rc_gc_get_stats(rt, st);
    return st[g].collections;
}

static void thresholds_trigger_collections(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    size_t t[3];
    rc_gc_get_threshold(rt, t);
    assert_int_equal(t[0], 700);
    assert_int_equal(t[1], 10);
    assert_int_equal(t[2], 10);
    rc_gc_set_threshold(rt, 5, 2, 1);
    rc_gc_get_threshold(rt, t);
    assert_int_equal(t[0], 5);
    tnode *keep[40];
    for (int i = 0; i < 5; i++)
        keep[i] = tnode_new(rt);
    assert_int_equal(collections(rt, 0), 0); /* count 5 does not exceed 5 */
    keep[5] = tnode_new(rt);                 /* 6 > 5: generation 0 */
    assert_int_equal(collections(rt, 0), 1);
    count_is(rt, 0, 1, 0);
    for (int i = 6; i < 40; i++)
        keep[i] = tnode_new(rt);
    /* every 6th allocation collects; every third of those is generation 1 */
    assert_true(collections(rt, 1) >= 1);
    for (int i = 0; i < 40; i++)
        rc_decref(&keep[i]->ob);
    rc_runtime_free(rt);
}

static void threshold_zero_disables_automatic_collection(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_set_threshold(rt, 0, 10, 10);
    for (int i = 0; i < 3000; i++)
        make_pair(rt);
    assert_int_equal(
        collections(rt, 0) + collections(rt, 1) + collections(rt, 2), 0);
    assert_int_equal(rc_gc_collect(rt, 2), 6000);
    rc_runtime_free(rt);
}

/* bpo-4074: a full collection waits until the objects that moved into
 * generation 2 since the last one are a quarter of those it held. */
static void full_collections_wait_for_a_quarter_more(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_disable(rt);
    enum { OLD = 4000 };
    tnode **old = malloc(OLD * sizeof *old);
    for (int i = 0; i < OLD; i++)
        old[i] = tnode_new(rt);
    rc_gc_collect(rt, 2); /* long-lived total is now 4000 */
    size_t full = collections(rt, 2);
    rc_gc_enable(rt);
    rc_gc_set_threshold(rt, 10, 1, 0);
    /* Survivors reach generation 2 through generation-1 collections; until
     * 1000 have, generation-2 collections are skipped. */
    tnode *young[900];
    for (int i = 0; i < 900; i++)
        young[i] = tnode_new(rt);
    assert_int_equal(collections(rt, 2), full);
    tnode *more[200];
    for (int i = 0; i < 200; i++)
        more[i] = tnode_new(rt);
    assert_true(collections(rt, 2) > full);
    for (int i = 0; i < 900; i++)
        rc_decref(&young[i]->ob);
    for (int i = 0; i < 200; i++)
        rc_decref(&more[i]->ob);
    for (int i = 0; i < OLD; i++)
        rc_decref(&old[i]->ob);
    free(old);
    rc_runtime_free(rt);
}

static void safepoint_mode_defers_collection(void **state) {
    (void)state;
    rc_config c = rc_config_default();
    c.gc_at_safepoints = true;
    rc_runtime *rt = test_runtime_new(&c);
    rc_gc_set_threshold(rt, 10, 10, 10);
    for (int i = 0; i < 20; i++)
        make_pair(rt);
    assert_int_equal(collections(rt, 0), 0);
    assert_int_equal(blocks_in_use(rt), 40);
    rc_gc_safepoint(rt);
    assert_int_equal(collections(rt, 0), 1);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_gc_safepoint(rt); /* nothing due */
    assert_int_equal(collections(rt, 0), 1);
    rc_runtime_free(rt);
}

/* ------------------------------------------------------ debug output */

static void debug_messages_are_cpythons(void **state) {
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    rc_config c = rc_config_default();
    c.debug_stream = out;
    rc_runtime *rt = test_runtime_new(&c);
    rc_gc_disable(rt);
    tnode *keep = tnode_new(rt);
    make_pair(rt);
    rc_gc_set_debug(rt, RC_DEBUG_STATS | RC_DEBUG_COLLECTABLE);
    assert_int_equal(rc_gc_get_debug(rt),
                     RC_DEBUG_STATS | RC_DEBUG_COLLECTABLE);
    assert_int_equal(rc_gc_collect(rt, 2), 2);
    fflush(out);
    assert_non_null(strstr(buf, "gc: collecting generation 2...\n"));
    assert_non_null(strstr(buf, "gc: objects in each generation: 3 0 0\n"));
    assert_non_null(strstr(buf, "gc: objects in permanent generation: 0\n"));
    assert_non_null(strstr(buf, "gc: collectable <tnode 0x"));
    assert_non_null(strstr(buf, "gc: done, 2 unreachable, 0 uncollectable, "));
    assert_non_null(strstr(buf, "s elapsed\n"));
    rc_decref(&keep->ob);
    rc_runtime_free(rt);
    fclose(out);
    free(buf);
}

/* ------------------------------------------ gc.garbage, legacy, saveall */

static void legacy_finalizers_make_cycles_uncollectable(void **state) {
    (void)state;
    rc_type lt = tnode_type; /* a tnode whose type has a legacy finalizer */
    lt.name = "legacy";
    lt.flags |= RC_TYPE_LEGACY_FINALIZER;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    rc_config c = rc_config_default();
    c.debug_stream = out;
    rc_runtime *rt = test_runtime_new(&c);
    tnode *a = (tnode *)rc_new(rt, &lt), *b = tnode_new(rt), *d = tnode_new(rt);
    tnode_set(a, 0, &b->ob);
    tnode_set(b, 0, &a->ob);
    tnode_set(b, 1, &d->ob); /* d is reachable from the legacy cycle */
    rc_decref(&a->ob);
    rc_decref(&b->ob);
    rc_decref(&d->ob);
    make_pair(rt); /* an ordinary cycle next to it */
    rc_gc_set_debug(rt, RC_DEBUG_UNCOLLECTABLE | RC_DEBUG_STATS);
    assert_int_equal(rc_gc_collect(rt, 2), 5);
    assert_int_equal(rc_gc_garbage_count(rt), 3);
    bool saw_a = false;
    for (size_t i = 0; i < 3; i++)
        saw_a |= rc_gc_garbage_item(rt, i) == &a->ob;
    assert_true(saw_a);
    assert_null(rc_gc_garbage_item(rt, 3));
    assert_int_equal(blocks_in_use(rt) >= 3, 1);
    rc_gc_gen_stats st[3];
    rc_gc_get_stats(rt, st);
    assert_int_equal(st[2].collected, 2);
    assert_int_equal(st[2].uncollectable, 3);
    fflush(out);
    assert_non_null(strstr(buf, "gc: uncollectable <legacy 0x"));
    assert_non_null(strstr(buf, "gc: done, 5 unreachable, 3 uncollectable"));
    /* they stay found on later collections, until the list is cleared and
     * the cycle is broken by hand */
    rc_gc_set_debug(rt, 0);
    tnode_set(b, 0, NULL);
    rc_gc_garbage_clear(rt);
    assert_int_equal(rc_gc_garbage_count(rt), 0);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
    fclose(out);
    free(buf);
}

static void saveall_keeps_every_unreachable_object(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    rc_gc_set_debug(rt, RC_DEBUG_SAVEALL);
    make_pair(rt);
    assert_int_equal(rc_gc_collect(rt, 2), 2);
    assert_int_equal(rc_gc_garbage_count(rt), 2);
    assert_int_equal(blocks_in_use(rt), 2 + 1); /* + the list's array */
    rc_gc_set_debug(rt, 0);
    rc_gc_garbage_clear(rt); /* the pair is a cycle again, unreferenced */
    assert_int_equal(rc_gc_collect(rt, 2), 2);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* ---------------------------------------------- finalizers (PEP 442) */

typedef struct fnode {
    tnode node;
    int *finalized;             /* counter */
    rc_object **resurrect_into; /* if set, finalize stores self here */
} fnode;

static void fnode_finalize(rc_object *self) {
    fnode *f = (fnode *)self;
    (*f->finalized)++;
    if (f->resurrect_into && !*f->resurrect_into) {
        rc_incref(self);
        *f->resurrect_into = self;
    }
}

static rc_type fnode_type(void) {
    rc_type t = tnode_type;
    t.name = "fnode";
    t.basicsize = sizeof(fnode);
    t.finalize = fnode_finalize;
    return t;
}

static void finalizers_run_once_and_may_resurrect(void **state) {
    (void)state;
    rc_type ft = fnode_type();
    rc_runtime *rt = test_runtime_new(NULL);
    int finalized = 0;
    rc_object *saved = NULL;
    fnode *a = (fnode *)rc_new(rt, &ft), *b = (fnode *)rc_new(rt, &ft);
    a->finalized = b->finalized = &finalized;
    a->resurrect_into = &saved;
    tnode *child = tnode_new(rt); /* reachable only through the cycle */
    tnode_set(&a->node, 0, &b->node.ob);
    tnode_set(&b->node, 0, &a->node.ob);
    tnode_set(&b->node, 1, &child->ob);
    rc_decref(&child->ob);
    rc_decref(&a->node.ob);
    rc_decref(&b->node.ob);
    /* found unreachable, but a resurrected the rest: nothing was collected
     * and, as in CPython, nothing is counted */
    assert_int_equal(rc_gc_collect(rt, 2), 0);
    assert_int_equal(finalized, 2);
    assert_ptr_equal(saved, &a->node.ob);
    assert_true(rc_gc_is_finalized(saved));
    assert_int_equal(blocks_in_use(rt), 3);
    assert_int_equal(rc_heap_check(rt), 0);
    /* resurrected objects go to the oldest generation */
    assert_int_equal(gen_size(rt, 2), 3);
    /* dropped again, they are collected without a second finalization */
    rc_decref(saved);
    assert_int_equal(rc_gc_collect(rt, 2), 3);
    assert_int_equal(finalized, 2);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

static int nested_result = -1;

static void collecting_finalize(rc_object *self) {
    nested_result = (int)rc_gc_collect(rc_runtime_of(self), 2);
}

static void collect_inside_a_collection_returns_zero(void **state) {
    (void)state;
    rc_type t = tnode_type;
    t.finalize = collecting_finalize;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *a = (tnode *)rc_new(rt, &t);
    tnode_set(a, 0, &a->ob);
    rc_decref(&a->ob);
    assert_int_equal(rc_gc_collect(rt, 2), 1);
    assert_int_equal(nested_result, 0);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

/* ------------------------------------------------------------ callbacks */

typedef struct cblog {
    int starts, stops;
    rc_gc_info last;
} cblog;

static void on_gc(rc_runtime *rt, rc_gc_phase phase, const rc_gc_info *info,
                  void *arg) {
    (void)rt;
    cblog *log = arg;
    if (phase == RC_GC_START)
        log->starts++;
    else
        log->stops++;
    log->last = *info;
}

static void callbacks_see_start_and_stop(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    cblog log = {0};
    assert_int_equal(rc_gc_callback_add(rt, on_gc, &log), 0);
    tnode *keep = tnode_new(rt);
    make_pair(rt);
    rc_gc_collect(rt, 1);
    assert_int_equal(log.starts, 1);
    assert_int_equal(log.stops, 1);
    assert_int_equal(log.last.generation, 1);
    assert_int_equal(log.last.collected, 2);
    assert_int_equal(log.last.uncollectable, 0);
    assert_int_equal(log.last.candidates, 3);
    assert_true(log.last.duration >= 0.0);
    assert_int_equal(rc_gc_callback_remove(rt, on_gc, &log), 0);
    assert_int_equal(rc_gc_callback_remove(rt, on_gc, &log), RC_EINVAL);
    rc_gc_collect(rt, 0);
    assert_int_equal(log.starts, 1);
    rc_decref(&keep->ob);
    rc_runtime_free(rt);
}

/* ------------------------------------------------------------- queries */

static void referrers_and_referents(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *x = tnode_new(rt), *y = tnode_new(rt), *z = tnode_new(rt);
    rc_object *leaf = rc_new(rt, &tleaf_type);
    tnode_set(y, 0, &x->ob);
    tnode_set(z, 2, &x->ob);
    tnode_set(z, 3, leaf);
    size_t n;
    rc_object *target = &x->ob;
    rc_object **r = rc_gc_get_referrers(rt, &target, 1, &n);
    assert_int_equal(n, 2);
    assert_true((r[0] == &y->ob && r[1] == &z->ob) ||
                (r[0] == &z->ob && r[1] == &y->ob));
    assert_int_equal(rc_refcnt(&y->ob), 2); /* the result holds a reference */
    rc_gc_release_objects(rt, r, n);
    assert_int_equal(rc_refcnt(&y->ob), 1);
    rc_object *zs = &z->ob;
    r = rc_gc_get_referents(rt, &zs, 1, &n);
    assert_int_equal(n, 2);
    assert_ptr_equal(r[0], &x->ob);
    assert_ptr_equal(r[1], leaf);
    rc_gc_release_objects(rt, r, n);
    r = rc_gc_get_referents(rt, &leaf, 1, &n); /* not a GC type: nothing */
    assert_null(r);
    assert_int_equal(n, 0);
    rc_decref(leaf);
    rc_decref(&x->ob);
    rc_decref(&y->ob);
    rc_decref(&z->ob);
    rc_runtime_free(rt);
}

static void tracking_can_be_switched(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *a = tnode_new(rt);
    assert_true(rc_gc_is_tracked(&a->ob));
    rc_gc_untrack(&a->ob);
    assert_false(rc_gc_is_tracked(&a->ob));
    rc_gc_untrack(&a->ob);
    tnode_set(a, 0, &a->ob); /* an untracked cycle is invisible */
    rc_decref(&a->ob);
    assert_int_equal(rc_gc_collect(rt, 2), 0);
    rc_gc_track(&a->ob);
    assert_int_equal(rc_gc_collect(rt, 2), 1);
    assert_int_equal(blocks_in_use(rt), 0);
    rc_runtime_free(rt);
}

static void frozen_objects_are_not_collected(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    make_pair(rt);
    tnode *keep = tnode_new(rt);
    rc_gc_freeze(rt);
    assert_int_equal(rc_gc_get_freeze_count(rt), 3);
    count_is(rt, 0, 0, 0);
    assert_int_equal(rc_gc_collect(rt, 2), 0);
    assert_int_equal(blocks_in_use(rt), 3);
    rc_gc_unfreeze(rt);
    assert_int_equal(rc_gc_get_freeze_count(rt), 0);
    assert_int_equal(gen_size(rt, 2), 3);
    assert_int_equal(rc_gc_collect(rt, 2), 2);
    rc_decref(&keep->ob);
    rc_runtime_free(rt);
}

/* --------------------------------------------------- heap verification */

static void heap_check_finds_a_missing_incref(void **state) {
    (void)state;
    rc_runtime *rt = test_runtime_new(NULL);
    tnode *a = tnode_new(rt), *b = tnode_new(rt);
    a->link[0] = &b->ob; /* bug: stored without rc_incref */
    a->link[1] = &b->ob;
    assert_int_equal(rc_heap_check(rt), RC_EVALUE);
    assert_non_null(strstr(rc_last_error_message(rt), "'tnode'"));
    a->link[0] = a->link[1] = NULL;
    assert_int_equal(rc_heap_check(rt), 0);
    rc_decref(&a->ob);
    rc_decref(&b->ob);
    rc_runtime_free(rt);
}

/* --------------------------------------------------- running out of memory */

static void emergency_collection_frees_cycles(void **state) {
    (void)state;
    rc_config c = rc_config_default();
    c.heap_limit = 3 * RC_ARENA_SIZE;
    rc_runtime *rt = test_runtime_new(&c);
    rc_gc_set_threshold(rt, 0, 10, 10); /* no automatic collection */
    /* far more garbage than the limit allows: every time memory runs out,
     * an emergency collection frees the cycles and the allocation goes on */
    for (int i = 0; i < 200000; i++) {
        tnode *a = tnode_new(rt), *b = tnode_new(rt);
        assert_non_null(a);
        assert_non_null(b);
        tnode_set(a, 0, &b->ob);
        tnode_set(b, 0, &a->ob);
        rc_decref(&a->ob);
        rc_decref(&b->ob);
    }
    assert_true(collections(rt, 2) >= 1);
    /* disabled, the collector does not run by itself: memory runs out */
    rc_gc_disable(rt);
    int made = 0;
    for (; made < 200000; made++) {
        tnode *a = tnode_new(rt);
        if (!a)
            break;
        tnode_set(a, 0, &a->ob);
        rc_decref(&a->ob);
    }
    assert_true(made < 200000);
    assert_int_equal(rc_last_error(rt), RC_ENOMEM);
    rc_runtime_free(rt);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(self_loop_is_collected),
        cmocka_unit_test(two_node_cycle_returns_two),
        cmocka_unit_test(disabled_collector_leaks_until_collect),
        cmocka_unit_test(get_count_moves_as_the_seed_says),
        cmocka_unit_test(generations_promote_survivors),
        cmocka_unit_test(thresholds_trigger_collections),
        cmocka_unit_test(threshold_zero_disables_automatic_collection),
        cmocka_unit_test(full_collections_wait_for_a_quarter_more),
        cmocka_unit_test(safepoint_mode_defers_collection),
        cmocka_unit_test(debug_messages_are_cpythons),
        cmocka_unit_test(legacy_finalizers_make_cycles_uncollectable),
        cmocka_unit_test(saveall_keeps_every_unreachable_object),
        cmocka_unit_test(finalizers_run_once_and_may_resurrect),
        cmocka_unit_test(collect_inside_a_collection_returns_zero),
        cmocka_unit_test(callbacks_see_start_and_stop),
        cmocka_unit_test(referrers_and_referents),
        cmocka_unit_test(tracking_can_be_switched),
        cmocka_unit_test(frozen_objects_are_not_collected),
        cmocka_unit_test(heap_check_finds_a_missing_incref),
        cmocka_unit_test(emergency_collection_frees_cycles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
