/*
 * test_gc_oracle.c — the cycle collector checked against a reachability
 * oracle (gcops.h): random graphs and operation sequences (create, link,
 * unlink, drop, collect each generation, automatic collection at small
 * thresholds, finalizers that resurrect, collect, create nodes and
 * untrack, legacy finalizers, large and variable-size objects, objects
 * whose references are declared fields), run on the pools and again in
 * pass-through mode; then the hard cases from CPython's history one by
 * one (and fields garbage that drops old objects); then allocation
 * failures inside the collector (mark stack growth, the overflow table for
 * counts of 2^23 and more, gc.garbage growth), failing once and forever at
 * every allocation in turn.
 *
 * The invariant throughout: nothing reachable from the mutator's holds is
 * ever finalized, cleared or freed; every live object's count is exactly
 * the references the model counts; finalizers run at most once and before
 * any clear; a full collection leaves nothing unreachable alive (bar what
 * legitimately waits for the next one) and finds exactly the unreachable
 * objects; rc_heap_check() passes after each collection.
 */
#define _POSIX_C_SOURCE 200809L
#include "gcops.h"
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define ORACLE_SEEDS 100  /* programs per configuration, times the scale */
#define ORACLE_OPS   2000 /* operations per program */

static void on_violation(const char *msg, void *ud) {
    (void)ud;
    fail_msg("%s", msg);
}

/* Hand-made scenarios collect only when they say so. */
static gcops_options options(const char *label) {
    gcops_options o = {.label = label,
                       .on_violation = on_violation,
                       .set_threshold = true,
                       .threshold = {0, 10, 10}};
    return o;
}

static gcops *model(const char *label) {
    gcops_options o = options(label);
    gcops *m = gcops_new(&o);
    assert_non_null(m);
    return m;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ====================================================================== */
/* Random programs                                                         */
/* ====================================================================== */

static void run_random(bool passthrough) {
    long seeds = ORACLE_SEEDS * test_scale();
    size_t size = 1 + ORACLE_OPS * GCOPS_OP_SIZE, ops = 0;
    uint8_t *prog = malloc(size);
    assert_non_null(prog);
    gcops_stats total = {0};
    double t0 = now();
    for (long s = 0; s < seeds; s++) {
        char label[64];
        snprintf(label, sizeof label, "seed %ld%s", s,
                 passthrough ? " passthrough" : "");
        gcops_generate((uint64_t)s * 7919 + 1, ORACLE_OPS, prog);
        gcops_options o = options(label);
        gcops_header_options(prog[0], &o);
        o.passthrough = passthrough;
        o.heap_check_every = 4;
        gcops *m = gcops_new(&o);
        assert_non_null(m);
        gcops_run(m, prog + 1, size - 1);
        const gcops_stats *st = gcops_get_stats(m);
        ops += st->ops;
        total.collections += st->collections;
        total.exact_collections += st->exact_collections;
        total.full_exact_checks += st->full_exact_checks;
        total.finalized += st->finalized;
        total.resurrected += st->resurrected;
        total.uncollectable += st->uncollectable;
        total.nested_collections += st->nested_collections;
        total.born_in_gc += st->born_in_gc;
        total.alive_sum += st->alive_sum;
        total.weakref_callbacks += st->weakref_callbacks;
        total.fields_collected += st->fields_collected;
        if (st->peak_alive > total.peak_alive)
            total.peak_alive = st->peak_alive;
        gcops_free(m);
    }
    free(prog);
    printf("oracle%s: %zu operations in %.2fs; %zu collections (%zu exact, "
           "%zu full-exact), %zu finalized, %zu resurrected, %zu "
           "uncollectable, %zu nested, %zu made during collections; "
           "%zu weakref callbacks; %zu fields nodes collected; %.1f nodes "
           "alive on average, %zu at most\n",
           passthrough ? " (passthrough)" : "", ops, now() - t0,
           total.collections, total.exact_collections, total.full_exact_checks,
           total.finalized, total.resurrected, total.uncollectable,
           total.nested_collections, total.born_in_gc, total.weakref_callbacks,
           total.fields_collected,
           (double)total.alive_sum / (double)(ops ? ops : 1), total.peak_alive);
    /* the mix must reach the interesting paths, or the oracle says little */
    assert_true(total.exact_collections > 100);
    assert_true(total.full_exact_checks > 10);
    assert_true(total.resurrected > 10 && total.uncollectable > 10);
    assert_true(total.nested_collections > 0 && total.born_in_gc > 0);
    assert_true(total.weakref_callbacks > 10);
    assert_true(total.fields_collected > 100);
}

static void random_programs(void **state) {
    (void)state;
    run_random(false);
}

static void random_programs_passthrough(void **state) {
    (void)state;
    run_random(true);
}

/* ====================================================================== */
/* Hard cases                                                              */
/* ====================================================================== */

/* A node made and linked by hand; the mutator's hold is dropped at once
 * unless keep. */
static uint32_t node(gcops *m, gcops_kind kind, gcops_fin fin, unsigned p) {
    uint32_t id = gcops_node(m, kind, 8, fin, p);
    assert_int_not_equal(id, GCOPS_NONE);
    return id;
}

static void drop(gcops *m, uint32_t id) {
    gcops_release(m, id, 1);
}

/* R resurrects itself; C is reachable only through R (and D only through
 * C), in a garbage cycle with it: both must survive with R, untouched,
 * and go with it later. */
static void reachable_only_from_resurrected(void **state) {
    (void)state;
    for (int big = 0; big < 2; big++) {
        gcops *m = model("reachable_only_from_resurrected");
        uint32_t r = node(m, big ? GK_BIGFIN : GK_FIN, GF_RES_SELF, 0);
        uint32_t c = node(m, GK_PLAIN, GF_COUNT, 0);
        uint32_t d = node(m, big ? GK_BIG : GK_PLAIN, GF_COUNT, 0);
        gcops_link(m, r, 0, c, 1);
        gcops_link(m, c, 0, d, 1);
        gcops_link(m, c, 1, r, 1);
        gcops_link(m, d, 0, c, 1);
        drop(m, r), drop(m, c), drop(m, d);
        assert_int_equal(gcops_collect(m, 2), 0);
        assert_true(gcops_alive(m, r) && gcops_alive(m, c) &&
                    gcops_alive(m, d));
        assert_int_equal(gcops_child(m, r, 0), c);
        assert_int_equal(gcops_child(m, c, 0), d);
        assert_int_equal(gcops_nresurrected(m), 1);
        assert_int_equal(gcops_finalized(m, r), 1);
        /* again, now that R is finalized: it goes, and C, D with it */
        gcops_drop_resurrected(m);
        assert_true(gcops_alive(m, r));
        assert_int_equal(gcops_collect(m, 2), 3);
        assert_false(gcops_alive(m, r) || gcops_alive(m, c) ||
                     gcops_alive(m, d));
        assert_int_equal(gcops_finalized(m, r), 1);
        gcops_free(m);
    }
}

/* R resurrects its child C, which is in a cycle with R: all survive. */
static void resurrected_child_keeps_parent(void **state) {
    (void)state;
    gcops *m = model("resurrected_child_keeps_parent");
    uint32_t r = node(m, GK_FIN, GF_RES_CHILD, 0);
    uint32_t c = node(m, GK_PLAIN, GF_COUNT, 0);
    gcops_link(m, r, 0, c, 1);
    gcops_link(m, c, 0, r, 1);
    drop(m, r), drop(m, c);
    assert_int_equal(gcops_collect(m, 1), 0);
    assert_true(gcops_alive(m, r) && gcops_alive(m, c));
    gcops_drop_resurrected(m);
    assert_int_equal(gcops_collect(m, 2), 2);
    assert_false(gcops_alive(m, r) || gcops_alive(m, c));
    gcops_free(m);
}

/* Clearing the first member frees most of the rest (an acyclic tree of
 * small and large nodes hanging off a cycle) while the collector iterates;
 * an untracked node held by a leaf dies then and its finalizer makes new
 * tracked nodes, which may reuse the freed blocks. */
static void clear_frees_other_garbage(void **state) {
    (void)state;
    for (int order = 0; order < 2; order++) {
        gcops *m = model("clear_frees_other_garbage");
        uint32_t leaves[40], h = GCOPS_NONE, t, a;
        if (order)
            h = node(m, GK_PLAIN, GF_COUNT, 0);
        for (int i = 0; i < 40; i++)
            leaves[i] = node(m, i % 3 ? GK_PLAIN : GK_BIG, GF_COUNT, 0);
        a = gcops_node(m, GK_WIDE, 40, GF_COUNT, 0);
        if (!order)
            h = node(m, GK_PLAIN, GF_COUNT, 0);
        t = node(m, GK_BIG, GF_COUNT, 0);
        uint32_t u = node(m, GK_FIN, GF_NEW_ROOT, 3);
        gcops_untrack(m, u);
        gcops_link(m, leaves[7], 0, u, 1);
        for (uint32_t i = 0; i < 40; i++)
            gcops_link(m, a, i, leaves[i], 1), drop(m, leaves[i]);
        gcops_link(m, h, 0, t, 1);
        gcops_link(m, t, 0, h, 1);
        gcops_link(m, h, 1, a, 1);
        drop(m, a), drop(m, h), drop(m, t), drop(m, u);
        assert_int_equal(gcops_collect(m, 2), 43);
        assert_int_equal(gcops_finalized(m, u), 1);
        assert_false(gcops_alive(m, u) || gcops_alive(m, h));
        assert_int_equal(gcops_nalive(m), 1); /* u's new node, in root 3 */
        gcops_root(m, 3, GCOPS_NONE);
        assert_int_equal(gcops_nalive(m), 0);
        gcops_free(m);
    }
}

/* A finalizer calls rc_gc_collect: inside a collection it returns 0 (the
 * model checks); at count zero outside one it runs a real collection. */
static void finalizer_collects(void **state) {
    (void)state;
    gcops *m = model("finalizer_collects");
    for (int g = 0; g < 3; g++) {
        uint32_t f = node(m, GK_FIN, GF_COLLECT, (unsigned)g);
        uint32_t p = node(m, GK_PLAIN, GF_COUNT, 0);
        gcops_link(m, f, 0, p, 1);
        gcops_link(m, p, 0, f, 1);
        drop(m, f), drop(m, p);
        assert_int_equal(gcops_collect(m, 2), 2);
        assert_false(gcops_alive(m, f) || gcops_alive(m, p));
    }
    assert_int_equal(gcops_get_stats(m)->nested_collections, 0);
    /* count zero at top level: the nested collection frees a cycle */
    uint32_t f = node(m, GK_FIN, GF_COLLECT, 2);
    uint32_t a = node(m, GK_PLAIN, GF_COUNT, 0);
    uint32_t b = node(m, GK_BIG, GF_COUNT, 0);
    gcops_link(m, a, 0, b, 1);
    gcops_link(m, b, 0, a, 1);
    gcops_link(m, f, 1, a, 1); /* held by the dying f: must survive */
    drop(m, a), drop(m, b);
    uint32_t c = node(m, GK_PLAIN, GF_COUNT, 0);
    gcops_link(m, c, 0, c, 1);
    drop(m, c);
    drop(m, f);
    assert_int_equal(gcops_get_stats(m)->nested_collections, 1);
    assert_false(gcops_alive(m, f) || gcops_alive(m, c));
    assert_true(gcops_alive(m, a) && gcops_alive(m, b));
    assert_int_equal(gcops_collect(m, 2), 2);
    gcops_check(m);
    gcops_free(m);
}

/* Finalizers make new tracked nodes: linked to the dying garbage, in a
 * cycle with it (which resurrects it), or stored in a root holding a
 * child of the garbage (which resurrects the child). */
static void finalizer_creates_objects(void **state) {
    (void)state;
    gcops *m = model("finalizer_creates_objects");
    uint32_t f = node(m, GK_FIN, GF_NEW_LINK, 1);
    uint32_t p = node(m, GK_PLAIN, GF_COUNT, 0);
    gcops_link(m, f, 0, p, 1);
    gcops_link(m, p, 0, f, 1);
    drop(m, f), drop(m, p);
    assert_int_equal(gcops_collect(m, 2), 2);
    assert_int_equal(gcops_nalive(m), 0); /* the new node went with f */

    f = node(m, GK_BIGFIN, GF_NEW_CYCLE, 1);
    p = node(m, GK_PLAIN, GF_COUNT, 0);
    gcops_link(m, f, 0, p, 1);
    gcops_link(m, p, 0, f, 1);
    drop(m, f), drop(m, p);
    assert_int_equal(gcops_collect(m, 2), 0);
    assert_true(gcops_alive(m, f) && gcops_alive(m, p));
    assert_int_equal(gcops_nalive(m), 3);
    assert_int_equal(gcops_collect(m, 2), 3);
    assert_int_equal(gcops_nalive(m), 0);
    assert_int_equal(gcops_finalized(m, f), 1);

    f = node(m, GK_FIN, GF_NEW_ROOT, 5);
    p = node(m, GK_PLAIN, GF_COUNT, 0);
    uint32_t q = node(m, GK_PLAIN, GF_COUNT, 0);
    gcops_link(m, f, 0, p, 1);
    gcops_link(m, p, 0, q, 1);
    gcops_link(m, q, 0, p, 1);
    gcops_link(m, q, 1, f, 1);
    drop(m, f), drop(m, p), drop(m, q);
    assert_int_equal(gcops_collect(m, 0), 0);
    assert_true(gcops_alive(m, f) && gcops_alive(m, p) && gcops_alive(m, q));
    gcops_root(m, 5, GCOPS_NONE);
    assert_int_equal(gcops_collect(m, 2), 3);
    assert_int_equal(gcops_nalive(m), 0);
    gcops_free(m);
}

/* A finalizer untracks itself or another garbage object: that object
 * leaves the collection, and what it holds survives with it. */
static void finalizer_untracks(void **state) {
    (void)state;
    for (int big = 0; big < 2; big++) {
        gcops *m = model("finalizer_untracks");
        uint32_t f = node(m, big ? GK_BIGFIN : GK_FIN, GF_UNTRACK_SELF, 0);
        uint32_t p = node(m, big ? GK_BIG : GK_PLAIN, GF_COUNT, 0);
        gcops_link(m, f, 0, p, 1);
        gcops_link(m, p, 0, f, 1);
        drop(m, f), drop(m, p);
        assert_int_equal(gcops_collect(m, 2), 1);
        assert_true(gcops_alive(m, f) && gcops_alive(m, p));
        assert_false(rc_gc_is_tracked(gcops_object(m, f)));
        gcops_track(m, f);
        assert_int_equal(gcops_collect(m, 2), 2);
        assert_int_equal(gcops_nalive(m), 0);

        f = node(m, big ? GK_BIGFIN : GK_FIN, GF_UNTRACK_CHILD, 0);
        p = node(m, big ? GK_BIG : GK_PLAIN, GF_COUNT, 0);
        uint32_t q = node(m, GK_PLAIN, GF_COUNT, 0);
        gcops_link(m, f, 0, p, 1);
        gcops_link(m, p, 0, f, 1);
        gcops_link(m, q, 0, q, 1); /* unrelated garbage, collected */
        drop(m, f), drop(m, p), drop(m, q);
        assert_int_equal(gcops_collect(m, 1), 2);
        assert_true(gcops_alive(m, f) && gcops_alive(m, p));
        assert_false(gcops_alive(m, q));
        assert_false(rc_gc_is_tracked(gcops_object(m, p)));
        gcops_track(m, p);
        assert_int_equal(gcops_collect(m, 2), 2);
        assert_int_equal(gcops_nalive(m), 0);
        gcops_free(m);
    }
}

/* Cyclic garbage holding a legacy finalizer is uncollectable: it and all
 * it reaches go to gc.garbage alive and unfinalized; garbage merely
 * pointing at it is collected. */
static void legacy_finalizer_garbage(void **state) {
    (void)state;
    gcops *m = model("legacy_finalizer_garbage");
    uint32_t l = node(m, GK_LEGACY, GF_COUNT, 0);
    uint32_t p = node(m, GK_PLAIN, GF_COUNT, 0);
    uint32_t q = node(m, GK_BIG, GF_COUNT, 0);
    uint32_t a = node(m, GK_FIN, GF_COUNT, 0);
    uint32_t b = node(m, GK_PLAIN, GF_COUNT, 0);
    gcops_link(m, l, 0, p, 1);
    gcops_link(m, p, 0, l, 1);
    gcops_link(m, p, 1, q, 1);
    gcops_link(m, a, 0, b, 1); /* a <-> b -> l: collectable */
    gcops_link(m, b, 0, a, 1);
    gcops_link(m, b, 1, l, 1);
    drop(m, l), drop(m, p), drop(m, q), drop(m, a), drop(m, b);
    assert_int_equal(gcops_collect(m, 2), 5);
    assert_int_equal(rc_gc_garbage_count(gcops_runtime(m)), 3);
    assert_true(gcops_alive(m, l) && gcops_alive(m, p) && gcops_alive(m, q));
    assert_false(gcops_alive(m, a) || gcops_alive(m, b));
    assert_int_equal(gcops_finalized(m, l), 0);
    assert_int_equal(gcops_finalized(m, a), 1);
    /* collecting again changes nothing: they are held by gc.garbage */
    assert_int_equal(gcops_collect(m, 2), 0);
    gcops_free(m); /* breaks the cycle: l is finalized once by its count */
}

/* Weak references to garbage are cleared before finalizers run, so they
 * stay cleared even when the garbage is resurrected (its callbacks run
 * once); weak references to reachable objects survive collections, and
 * one whose target dies by its count is cleared then. */
static void weakrefs_and_resurrection(void **state) {
    (void)state;
    gcops *m = model("weakrefs_and_resurrection");
    uint32_t r = node(m, GK_FIN, GF_RES_SELF, 0);
    uint32_t c = node(m, GK_BIG, GF_COUNT, 0);
    uint32_t k = node(m, GK_PLAIN, GF_COUNT, 0);
    gcops_link(m, r, 0, c, 1);
    gcops_link(m, c, 0, r, 1);
    gcops_weakref(m, 0, r);
    gcops_weakref(m, 1, c);
    gcops_weakref(m, 2, k);
    drop(m, r), drop(m, c);
    assert_int_equal(gcops_collect(m, 2), 0);
    assert_true(gcops_alive(m, r) && gcops_alive(m, c));
    assert_false(gcops_weakref_alive(m, 0) || gcops_weakref_alive(m, 1));
    assert_true(gcops_weakref_alive(m, 2));
    assert_int_equal(gcops_get_stats(m)->weakref_callbacks, 2);
    gcops_drop_resurrected(m);
    assert_int_equal(gcops_collect(m, 2), 2);
    assert_int_equal(gcops_get_stats(m)->weakref_callbacks, 2);
    drop(m, k); /* by its count */
    assert_false(gcops_weakref_alive(m, 2));
    assert_int_equal(gcops_get_stats(m)->weakref_callbacks, 3);
    gcops_check(m);
    gcops_free(m);
}

/* A young ring of fields nodes (freed without clearing) holds old nodes
 * with finalizers that die by reference counting while the ring is freed:
 * their finalizers make nodes (fields ones too, in the ring's pools),
 * resurrect themselves, collect (0 inside a collection) and unlink their
 * children. Live fields nodes made between the ring's members share its
 * pools (then freed one by one) in the second round. */
static void fields_garbage_drops_old_objects(void **state) {
    (void)state;
    static const gcops_fin fins[] = {
        GF_NEW_ROOT, GF_NEW_CYCLE,    GF_NEW_LINK,  GF_COLLECT,
        GF_RES_SELF, GF_UNLINK_CHILD, GF_RES_CHILD, GF_COUNT};
    enum { RING = 1200, NFINS = sizeof fins / sizeof fins[0] };
    for (int mixed = 0; mixed < 2; mixed++) {
        gcops *m = model("fields_garbage_drops_old_objects");
        static uint32_t ring[RING], old[RING], live[RING];
        for (unsigned i = 0; i < RING; i++) {
            old[i] = node(m, GK_FIN, fins[i % NFINS], i / NFINS);
            uint32_t leaf =
                node(m, (i & 1) ? GK_FIELDS : GK_PLAIN, GF_COUNT, 0);
            gcops_link(m, old[i], 0, leaf, 1);
            drop(m, leaf);
        }
        assert_int_equal(gcops_collect(m, 2), 0); /* old: generation 2 */
        for (unsigned i = 0; i < RING; i++) {
            ring[i] = node(m, GK_FIELDS, GF_COUNT, 0);
            live[i] = mixed ? gcops_node(m, GK_FIELDS, 0, GF_COUNT, 0)
                            : GCOPS_NONE; /* kept (an extra hold) */
        }
        for (unsigned i = 0; i < RING; i++) {
            gcops_link(m, ring[i], 0, ring[(i + 1) % RING], 1);
            gcops_link(m, ring[i], 1, old[i], 1);
            if (mixed && i % 4 == 0) /* these old nodes live on */
                gcops_link(m, live[i], 0, old[i], 1);
        }
        for (unsigned i = 0; i < RING; i++)
            drop(m, ring[i]), drop(m, old[i]);
        gcops_check(m);
        assert_int_equal(gcops_collect(m, 0), RING);
        assert_int_equal(gcops_last_expected(m), RING);
        for (unsigned i = 0; i < RING; i++) {
            assert_false(gcops_alive(m, ring[i]));
            bool kept = mixed && i % 4 == 0;
            assert_int_equal(gcops_finalized(m, old[i]), !kept);
            if (mixed) {
                assert_true(gcops_alive(m, live[i]));
                assert_int_equal(gcops_child(m, live[i], 0),
                                 kept ? old[i] : GCOPS_NONE);
                gcops_release(m, live[i], 1);
            }
        }
        gcops_free(m);
    }
}

/* Counts of 2^23 and more do not fit the collector's in-header gc_refs:
 * a node referenced that often by garbage and once from outside must
 * survive (its exact count decides), and so must one held that often from
 * outside; once nothing outside holds it, it must be collected. */
static void huge_counts(void **state) {
    (void)state;
    const uint32_t mults[] = {(1u << 23) - 2, (1u << 23) - 1, 1u << 23,
                              (1u << 23) + 7};
    gcops *m = model("huge_counts");
    for (size_t i = 0; i < sizeof mults / sizeof mults[0]; i++) {
        uint32_t x = node(m, i % 2 ? GK_BIG : GK_PLAIN, GF_COUNT, 0);
        uint32_t y = node(m, GK_FIN, GF_COUNT, 0);
        gcops_link(m, y, 0, x, mults[i]);
        gcops_link(m, x, 0, y, 1);
        drop(m, y);
        assert_int_equal(gcops_collect(m, 2), 0); /* x held once */
        gcops_hold(m, x, mults[i]);               /* and that often more */
        assert_int_equal(gcops_collect(m, 2), 0);
        gcops_release(m, x, mults[i] + 1);
        assert_true(gcops_alive(m, x));
        assert_int_equal(gcops_collect(m, 2), 2);
        assert_false(gcops_alive(m, x) || gcops_alive(m, y));
    }
    gcops_free(m);
}

/* ====================================================================== */
/* Wide structures (the mark stack) and allocation failures                */
/* ====================================================================== */

#define WIDE_CHILDREN 1500

/* A wide node (variable-size, so on the large path, scanned after every
 * pool) with children made before it, so all of them are behind the
 * collector's scan when it is reached and go on the mark stack. back:
 * each child links back to the wide node. Returns the wide node, held. */
static uint32_t wide(gcops *m, gcops_kind kind, gcops_fin fin, bool back) {
    uint32_t *kids = malloc(WIDE_CHILDREN * sizeof *kids);
    assert_non_null(kids);
    for (int i = 0; i < WIDE_CHILDREN; i++)
        kids[i] = node(m, i % 16 ? GK_PLAIN : GK_BIG, GF_COUNT, 0);
    uint32_t w = gcops_node(m, kind, WIDE_CHILDREN, fin, 0);
    assert_int_not_equal(w, GCOPS_NONE);
    for (int i = 0; i < WIDE_CHILDREN; i++) {
        gcops_link(m, w, (uint32_t)i, kids[i], 1);
        if (back)
            gcops_link(m, kids[i], 0, w, 1);
        drop(m, kids[i]);
    }
    free(kids);
    return w;
}

/* Every shape whose marking needs a deep stack: a reachable wide node, a
 * wide garbage cycle, a wide node that resurrects itself, and a legacy
 * finalizer reaching a wide node (gc.garbage grows past 1,500 items). */
static void build_wide_shapes(gcops *m) {
    uint32_t w = wide(m, GK_WIDE, GF_COUNT, false);
    gcops_root(m, 0, w);
    drop(m, w);
    drop(m, wide(m, GK_WIDE, GF_COUNT, true));
    drop(m, wide(m, GK_WIDEFIN, GF_RES_SELF, true));
    uint32_t l = node(m, GK_LEGACY, GF_COUNT, 0);
    w = wide(m, GK_WIDE, GF_COUNT, false);
    gcops_link(m, l, 0, w, 1);
    gcops_link(m, l, 1, l, 1); /* a cycle holding the legacy node */
    drop(m, l), drop(m, w);
}

static void wide_structures(void **state) {
    (void)state;
    for (int pass = 0; pass < 2; pass++) {
        gcops_options o = options("wide_structures");
        o.passthrough = pass;
        gcops *m = gcops_new(&o);
        assert_non_null(m);
        build_wide_shapes(m);
        /* a wide garbage shape, and the legacy node with another (the
         * shape that resurrects itself is not counted, as in CPython) */
        ptrdiff_t expect = 2 * (WIDE_CHILDREN + 1) + 1;
        assert_int_equal(gcops_collect(m, 2), expect);
        assert_int_equal(rc_gc_garbage_count(gcops_runtime(m)),
                         WIDE_CHILDREN + 2);
        assert_int_equal(gcops_nresurrected(m), 1);
        gcops_free(m);
    }
}

/* Builds with allocation working, then collects with the hook failing at
 * its k-th next request (once or forever): the collection may keep
 * garbage, but the model's checks must hold; once allocation works again
 * a full collection leaves nothing unreachable. Returns whether the
 * failure was reached (false: the collection needs fewer requests). */
typedef void (*builder)(gcops *m);

static bool collect_failing_at(builder build, long k, bool forever,
                               bool passthrough) {
    failing_alloc fa = {0};
    rc_config cfg = failing_config(&fa);
    gcops_options o = options("allocation failure");
    o.config = &cfg;
    o.passthrough = passthrough;
    gcops *m = gcops_new(&o);
    assert_non_null(m);
    build(m);
    gcops_set_faults(m, true);
    fa.fail_at = fa.calls + k;
    fa.forever = forever;
    gcops_collect(m, 2);
    bool reached = fa.failures > 0;
    fa.fail_at = 0;
    gcops_set_faults(m, false);
    gcops_collect(m, 2); /* exact again: nothing unreachable is left */
    gcops_free(m);
    assert_int_equal(fa.outstanding, 0);
    assert_int_equal(fa.live_blocks, 0);
    return reached;
}

static void fail_each(builder build, bool passthrough) {
    for (int forever = 0; forever < 2; forever++) {
        long k = 1;
        while (collect_failing_at(build, k, forever, passthrough))
            assert_true(++k < 1000);
        assert_true(k > 1); /* the collection does allocate */
    }
}

static void alloc_failure_wide(void **state) {
    (void)state;
    fail_each(build_wide_shapes, false);
}

static void alloc_failure_wide_passthrough(void **state) {
    (void)state;
    fail_each(build_wide_shapes, true);
}

/* Nine nodes held 2^23 times from outside fill the collector's overflow
 * table past its first size; one garbage node is referenced 2^23 times by
 * another: if the table cannot record it, it must be kept, not lost. */
static void build_huge_counts(gcops *m) {
    for (unsigned r = 0; r < 9; r++) {
        uint32_t x = node(m, GK_PLAIN, GF_COUNT, 0);
        gcops_root(m, r, x);
        gcops_hold(m, x, 1u << 23);
        drop(m, x);
    }
    uint32_t x = node(m, GK_PLAIN, GF_COUNT, 0);
    uint32_t y = node(m, GK_PLAIN, GF_COUNT, 0);
    gcops_link(m, y, 0, x, 1u << 23);
    gcops_link(m, x, 0, y, 1);
    drop(m, x), drop(m, y);
}

static void alloc_failure_huge_counts(void **state) {
    (void)state;
    fail_each(build_huge_counts, true);
}

/* Library bug reproducer. A collection that runs inside a finalizer (here
 * the finalizer calls rc_gc_collect; an automatic collection triggered by
 * an allocation in a finalizer is the same) and meets an allocation
 * failure it recovers from (the mark stack cannot grow, so it rescans)
 * leaves RC_ENOMEM recorded on the runtime; when the finalizer returns,
 * the runtime reports that error as raised by the finalizer ("Exception
 * ignored in: finalizer of <fin ...>: out of memory"), though the
 * finalizer did nothing wrong and rc_gc_collect succeeded. The collector's
 * own allocations (push and ovf_grow in src/gc.c, rc__gc_garbage_append in
 * src/gcapi.c) record the error through rc_malloc; collect() never puts
 * back the error that was recorded before it started. */
static void recovered_collector_failure_not_blamed_on_finalizer(void **state) {
    (void)state;
    failing_alloc fa = {0};
    rc_config cfg = failing_config(&fa);
    gcops_options o = options("recovered_collector_failure");
    o.config = &cfg;
    gcops *m = gcops_new(&o);
    assert_non_null(m);
    uint32_t w = wide(m, GK_WIDE, GF_COUNT, false); /* marking needs a */
    gcops_root(m, 0, w);                            /* stack of 1,500  */
    drop(m, w);
    uint32_t f = node(m, GK_FIN, GF_COLLECT, 2);
    gcops_set_faults(m, true);
    fa.fail_at = fa.calls + 1; /* the stack's first growth fails, once */
    drop(m, f);                /* f's finalizer collects */
    assert_int_equal(fa.failures, 1);
    assert_int_equal(gcops_get_stats(m)->nested_collections, 1);
    fa.fail_at = 0;
    gcops_set_faults(m, false);
    size_t blamed = gcops_get_stats(m)->unraisable;
    gcops_free(m);
    assert_int_equal(blamed, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reachable_only_from_resurrected),
        cmocka_unit_test(resurrected_child_keeps_parent),
        cmocka_unit_test(clear_frees_other_garbage),
        cmocka_unit_test(finalizer_collects),
        cmocka_unit_test(finalizer_creates_objects),
        cmocka_unit_test(finalizer_untracks),
        cmocka_unit_test(legacy_finalizer_garbage),
        cmocka_unit_test(weakrefs_and_resurrection),
        cmocka_unit_test(fields_garbage_drops_old_objects),
        cmocka_unit_test(huge_counts),
        cmocka_unit_test(wide_structures),
        cmocka_unit_test(random_programs),
        cmocka_unit_test(random_programs_passthrough),
        cmocka_unit_test(alloc_failure_wide),
        cmocka_unit_test(alloc_failure_wide_passthrough),
        cmocka_unit_test(alloc_failure_huge_counts),
        cmocka_unit_test(recovered_collector_failure_not_blamed_on_finalizer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
