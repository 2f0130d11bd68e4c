/*
 * gcops.h — a small operation language over a graph of test nodes, with a
 * reachability model that checks the cycle collector against it. Shared by
 * the oracle test (tests/unit/test_gc_oracle.c) and the libFuzzer harness
 * (fuzz/gc_ops.c).
 *
 * The mutator holds nodes through roots (GCOPS_ROOTS slots), "extra"
 * references (direct holds, used by hand-built scenarios), and a list of
 * objects resurrected by finalizers; the runtime holds gc.garbage. The
 * model mirrors every strong reference, updated *before* the library is
 * told (so callbacks always see a model that matches the heap), and checks:
 *  - every live node's count (rc_refcnt) equals the references the model
 *    counts (roots + links from live nodes + resurrected list + garbage
 *    list + extra holds) between operations;
 *  - a node is deallocated only when the model counts no reference to it,
 *    and a node of a finalizer type only after exactly one finalize; a
 *    GK_FIELDS node, which has no function of its own, holds a private
 *    "tracer" object in its first field, which reports when the library
 *    drops the node's fields (when it dies, or when the collector clears
 *    or frees it as garbage);
 *  - finalize runs at most once, and during a collection only on objects
 *    that were unreachable when it started; clear runs only inside a
 *    collection, after finalize, on a node unreachable from every holder
 *    the collector must respect (roots, resurrected, garbage, untracked and
 *    legacy-finalizer nodes, nodes created during the collection);
 *  - for a top-level collection whose candidates the model knows (it keeps
 *    each node's generation), the number of unreachable objects found and
 *    the uncollectable objects appended to gc.garbage are exactly what a
 *    reachability computation says; after a full collection nothing
 *    unreachable is left alive (unless finalizers changed the graph in ways
 *    that legitimately leave garbage for the next one);
 *  - a weak reference yields its target while the target lives, unless a
 *    collection found the target unreachable; NULL once it is gone; its
 *    callback runs once, after it was cleared;
 *  - rc_heap_check() == 0 after collections and every few operations.
 * A violation is reported through gcops_options.on_violation (default:
 * print and abort).
 */
#ifndef RC_TEST_GCOPS_H
#define RC_TEST_GCOPS_H

#include <rcgc.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GCOPS_ROOTS   16
#define GCOPS_WREFS   8 /* weak references the mutator can hold */
#define GCOPS_NONE    UINT32_MAX
#define GCOPS_OP_SIZE 4 /* bytes per operation: opcode and three operands */

/* Node kinds: a type each. Small kinds fit the pools; BIG kinds have a
 * basicsize above RC_SMALL_MAX (the allocator's large path); WIDE kinds
 * are variable-size with any number of slots. */
typedef enum gcops_kind {
    GK_PLAIN,   /* no finalizer */
    GK_FIN,     /* finalizer with a behaviour (gcops_fin) */
    GK_LEGACY,  /* RC_TYPE_LEGACY_FINALIZER; finalizer only counts */
    GK_BIG,     /* basicsize > 512, no finalizer */
    GK_BIGFIN,  /* basicsize > 512, finalizer */
    GK_WIDE,    /* variable-size, no finalizer */
    GK_WIDEFIN, /* variable-size, finalizer */
    GK_FIELDS,  /* references as declared fields (rc_type.refs_at, nrefs), no
                   traverse, clear, dealloc or finalizer; one reference per
                   slot (a link's multiplicity is 1) */
    GK_NKINDS
} gcops_kind;

/* What a finalizer does besides being counted. p is its parameter. */
typedef enum gcops_fin {
    GF_COUNT,         /* nothing */
    GF_RES_SELF,      /* appends itself to the resurrected list */
    GF_RES_CHILD,     /* appends its slot p child to the resurrected list */
    GF_ROOT_SELF,     /* stores itself in root p */
    GF_NEW_LINK,      /* new node N in its slot p */
    GF_NEW_CYCLE,     /* new node N in its slot p, N.slot0 = itself */
    GF_NEW_ROOT,      /* new node N in root p, N.slot0 = its slot 0 child */
    GF_COLLECT,       /* rc_gc_collect(p % 3); 0 inside a collection */
    GF_UNTRACK_SELF,  /* rc_gc_untrack on itself */
    GF_UNTRACK_CHILD, /* rc_gc_untrack on its slot p child */
    GF_UNLINK_CHILD,  /* empties its slot p */
    GF_NFIN
} gcops_fin;

typedef struct gcops gcops;

typedef struct gcops_options {
    const rc_config *config; /* base runtime configuration; NULL: default */
    bool passthrough;        /* overrides config->passthrough */
    bool safepoints;         /* collect at rc_gc_safepoint only */
    bool set_threshold;      /* apply threshold[] (else the defaults) */
    size_t threshold[3];
    bool faults;          /* allocations may fail: exactness checks relaxed */
    int heap_check_every; /* rc_heap_check every n operations (0: 1) */
    uint32_t max_nodes;   /* live nodes above which NEW is skipped (0: 256) */
    const char *label;    /* printed with a violation */
    void (*on_violation)(const char *msg, void *ud); /* NULL: abort */
    void *ud;
} gcops_options;

/* What a run did, for coverage reports. */
typedef struct gcops_stats {
    size_t ops, collections, exact_collections, full_exact_checks;
    size_t finalized, resurrected, cleared, deallocated, uncollectable;
    size_t nested_collections, born_in_gc, alloc_failures;
    size_t unraisable;            /* errors reported as raised by finalizers */
    size_t weakref_callbacks;     /* weakref callbacks run */
    size_t fields_collected;      /* GK_FIELDS nodes a collection took */
    size_t alive_sum, peak_alive; /* live nodes summed over operations */
} gcops_stats;

/* A model and its runtime (registers a gc callback). NULL if the runtime
 * or the model cannot be created. */
gcops *gcops_new(const gcops_options *opt);
/* Settles (drops every hold, collects until nothing unreachable is left,
 * checking), breaks what is left, frees the runtime and the model. */
void gcops_free(gcops *m);

rc_runtime *gcops_runtime(gcops *m);
const gcops_stats *gcops_get_stats(const gcops *m);

/* ---- the byte language: GCOPS_OP_SIZE bytes per operation ---- */

/* A program is one header byte and operations. Header: bit 0 passthrough,
 * bits 1-2 threshold preset ((10,3,3), (2,1,1), (700,10,10), disabled),
 * bit 3 safe-point mode. Fills *opt's passthrough/threshold/safepoints. */
void gcops_header_options(uint8_t header, gcops_options *opt);
/* Runs the operations of ops (n bytes; a trailing partial op is padded
 * with zeros), checking after each. */
void gcops_run(gcops *m, const uint8_t *ops, size_t n);
/* Writes a random header and nops operations with a useful mix to out
 * (1 + nops * GCOPS_OP_SIZE bytes). */
void gcops_generate(uint64_t seed, size_t nops, uint8_t *out);

/* ---- direct building (hand-made scenarios) ---- */

/* A new node, held once as an extra hold of the mutator; nslots is used
 * by WIDE kinds (others have 4). GCOPS_NONE if the allocation failed. */
uint32_t gcops_node(gcops *m, gcops_kind kind, uint32_t nslots, gcops_fin fin,
                    unsigned param);
void gcops_hold(gcops *m, uint32_t id, size_t n);    /* n more extra holds */
void gcops_release(gcops *m, uint32_t id, size_t n); /* n fewer */
/* from.slot = to with multiplicity mult (to GCOPS_NONE: empties it). */
void gcops_link(gcops *m, uint32_t from, uint32_t slot, uint32_t to,
                uint32_t mult);
void gcops_root(gcops *m, unsigned r, uint32_t id); /* GCOPS_NONE drops */
void gcops_untrack(gcops *m, uint32_t id);
void gcops_track(gcops *m, uint32_t id);
void gcops_set_fin(gcops *m, uint32_t id, gcops_fin fin, unsigned param);
/* Weak reference slot w (of GCOPS_WREFS) := a new weakref to id, with a
 * callback; GCOPS_NONE drops it. */
void gcops_weakref(gcops *m, unsigned w, uint32_t id);
/* Whether weak reference slot w still yields its target. */
bool gcops_weakref_alive(gcops *m, unsigned w);
/* rc_gc_collect with the model's checks; returns its result. */
ptrdiff_t gcops_collect(gcops *m, int generation);
void gcops_drop_resurrected(gcops *m);
void gcops_garbage_clear(gcops *m);
/* The between-operations check (refcounts, flags, heap check). */
void gcops_check(gcops *m);

/* Allocation failures are expected from now on (or no longer). */
void gcops_set_faults(gcops *m, bool faults);

bool gcops_alive(const gcops *m, uint32_t id);
uint32_t gcops_child(const gcops *m, uint32_t id, uint32_t slot);
unsigned gcops_finalized(const gcops *m, uint32_t id);
rc_object *gcops_object(const gcops *m, uint32_t id); /* borrowed or NULL */
size_t gcops_nalive(const gcops *m);
size_t gcops_nresurrected(const gcops *m);
/* The last expected number of unreachable objects computed at the start
 * of a top-level collection whose candidates were known; -1 if unknown. */
ptrdiff_t gcops_last_expected(const gcops *m);

#endif
