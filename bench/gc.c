/*
 * gc.c — the cycle collector: rcgc's rc_gc_collect() against CPython's
 * gc.collect() (gc_cpython.py, run with python3) and bdwgc's GC_gcollect(),
 * on the same graph shapes, each system in a fresh process of its own.
 *
 *   live/a, live/b  full collection with 100k and 1M live nodes in one ring
 *                   (two links each, next and prev), held by one root;
 *                   ns per live object;
 *   garbage         a full collection that finds and frees 1M nodes in
 *                   rings of 100 whose only external reference was dropped;
 *                   ns per garbage object;
 *   gen0/empty,     a generation-0 collection of 100 young rings of 5 nodes
 *   gen0/old        (half of them garbage) with no old objects, and with
 *                   10M old nodes alive; microseconds per collection (rcgc
 *                   keeps the two heaps in two runtimes, runs alternating);
 *   pyperf/collect  pyperformance bm_gc_collect: 100 cycles of 21 nodes,
 *                   dropped, then one full collection; ms;
 *   pyperf/traverse pyperformance bm_gc_traversal: 1,000 containers, level
 *                   n holding n references to level n-1 (~500k references),
 *                   all alive; one full collection; ms;
 *   bytes           USS growth per live two-link node over 1M nodes.
 *
 * rcgc's nodes declare their two links as reference fields (rc_type
 * refs_at/nrefs), which the collector reads itself; the "-fn" rows (live/b,
 * garbage, pyperf/collect) repeat the shape with nodes whose type has
 * traverse and clear functions instead, as every type with references
 * other than fields needs. CPython and bdwgc measure each shape once; the
 * "-fn" rows show their numbers again.
 *
 * The collector runs only when asked: rc_gc_disable / gc.disable() /
 * GC_disable() while a graph is built (GC_enable() again just before
 * GC_gcollect(), which does nothing while disabled). CPython's own objects
 * are frozen first (gc.freeze()) so that its collections examine only the
 * benchmark's graph, as rcgc's fresh runtime does.
 *
 * bdwgc setup: GC_INIT(), GC_MALLOC for every node (scanned, zeroed), the
 * roots in static variables. GC_gcollect() marks from the roots and frees
 * wholly unmarked blocks at once; partly used blocks are swept lazily by
 * later allocations, which it does not pay for here. A single-threaded
 * client gets bdwgc's single marker thread (its parallel markers start with
 * the first extra thread), like rcgc and CPython, which mark on one thread.
 */
#define _GNU_SOURCE
#include "common.h"
#include "ring.h"

#include <rcgc.h>
#include <rcgc/objects.h>

#include <gc/gc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef BENCH_CPYTHON_SCRIPT
#define BENCH_CPYTHON_SCRIPT "gc_cpython.py"
#endif
#ifndef BENCH_BUILD_TYPE
#define BENCH_BUILD_TYPE "?"
#endif
#ifndef BENCH_RC_DEBUG
#define BENCH_RC_DEBUG 0
#endif
#ifndef BENCH_COMPILER
#define BENCH_COMPILER "?"
#endif

/* The shapes' sizes and repetitions; --quick makes them ten times smaller
 * (a smoke test, not a result). The driver passes them to gc_cpython.py. */
typedef struct plan {
    size_t live[2];     /* nodes in the live ring */
    size_t garbage;     /* garbage nodes ... */
    size_t garbage_len; /* ... in rings of this length */
    size_t old;         /* old nodes under the generation-0 collection */
    size_t young_rings; /* young rings per generation-0 collection */
    size_t young_len;   /* nodes per young ring */
    size_t cycles;      /* pyperf gc_collect: cycles of ... */
    size_t links;       /* ... links + 1 nodes */
    size_t levels;      /* pyperf gc_traversal: levels */
    size_t bytes_nodes; /* nodes for the bytes-per-node measure */
    int reps_live, reps_garbage, reps_gen0, reps_pyperf;
} plan;

static plan plan_make(bool quick) {
    plan p = {
        .live = {100000, 1000000},
        .garbage = 1000000,
        .garbage_len = 100,
        .old = 10000000,
        .young_rings = 100,
        .young_len = 5,
        .cycles = 100,
        .links = 20,
        .levels = 1000,
        .bytes_nodes = 1000000,
        .reps_live = 7,
        .reps_garbage = 5,
        .reps_gen0 = 31,
        .reps_pyperf = 31,
    };
    if (quick) {
        p.live[0] /= 10;
        p.live[1] /= 10;
        p.garbage /= 10;
        p.old /= 10;
        p.bytes_nodes /= 10;
        p.reps_live = p.reps_garbage = 3;
        p.reps_gen0 = p.reps_pyperf = 5;
    }
    return p;
}

/* Each system runs twice, in fresh processes: the pyperformance shapes
 * (small heaps, as in pyperformance's own fresh interpreter), then the big
 * heaps. A heap grown by one shape must not slow another: bdwgc's heap
 * never shrinks, and its collections cost more in a bigger heap. */
enum { PART_PYPERF, PART_HEAP, PART_COUNT };
static const char *const part_names[PART_COUNT] = {"pyperf", "heap"};

static void die(const char *what) {
    fprintf(stderr, "gc: %s failed\n", what);
    exit(1);
}

/* A collection that did not find what the graph holds is a library bug
 * (or a benchmark bug): say so next to the numbers. */
static void check_found(const char *sys, const char *what, double found,
                        double expected) {
    if (found != expected)
        bench_note("%s: %s found %.0f unreachable objects, expected %.0f "
                   "(a bug: the numbers for this row are suspect)",
                   sys, what, found, expected);
}

/* ====================================================================== */
/* rcgc: the graph                                                         */
/* ====================================================================== */

/* pyperformance's create_recursive_containers, with rcgc's builtin lists
 * as the Python version uses Python lists: level n holds n references to
 * level n-1. Returns the top level. */
static rc_object *levels_new(rc_runtime *rt, size_t levels) {
    rc_object *cur = rc_list_new(rt);
    if (!cur)
        die("rc_list_new");
    for (size_t n = 0; n < levels; n++) {
        rc_object *l = rc_list_new(rt);
        if (!l)
            die("rc_list_new");
        for (size_t i = 0; i < n; i++)
            if (rc_list_append(l, cur) != 0)
                die("rc_list_append");
        rc_decref(cur);
        cur = l;
    }
    return cur;
}

/* ====================================================================== */
/* rcgc: the measurements                                                  */
/* ====================================================================== */

/* Times one collection of generation g; *found gets its result. */
static double rc_timed_collect(rc_runtime *rt, int g, ptrdiff_t *found) {
    uint64_t t0 = bench_now_ns();
    *found = rc_gc_collect(rt, g);
    return (double)(bench_now_ns() - t0);
}

static void rc_bytes(const plan *p) {
    rc_runtime *rt = rc_runtime_new(NULL);
    if (!rt)
        die("rc_runtime_new");
    rc_gc_disable(rt);
    rc_mem_stats st0 = {.size = sizeof st0}, st1 = {.size = sizeof st1};
    rc_mem_get_stats(rt, &st0);
    size_t uss0 = rc_process_uss();
    rc_object *ring = bench_ring_new(rt, p->bytes_nodes);
    size_t uss1 = rc_process_uss();
    rc_mem_get_stats(rt, &st1);
    double n = (double)p->bytes_nodes;
    bench_emit("bytes", "rcgc", ((double)uss1 - (double)uss0) / n);
    bench_note("rcgc: %zu-byte node (16-byte header + 2 links); its "
               "allocator holds %.1f B per node (arenas counted whole)",
               sizeof(bench_node),
               (double)(st1.bytes_held - st0.bytes_held) / n);
    rc_decref(ring);
    rc_runtime_free(rt);
}

/* The live rings: 100k and 1M reference-field nodes, then 1M nodes with
 * traverse and clear functions. */
static void rc_live(rc_runtime *rt, const plan *p) {
    static const char *const keys[3] = {"live/a", "live/b", "live/b-fn"};
    for (int k = 0; k < 3; k++) {
        size_t n = p->live[k < 2 ? k : 1];
        rc_object *ring = bench_ring_new_kind(rt, n, k == 2);
        ptrdiff_t found;
        rc_timed_collect(rt, 2, &found); /* warm-up; all now old */
        for (int r = 0; r < p->reps_live; r++) {
            double ns = rc_timed_collect(rt, 2, &found);
            check_found("rcgc", keys[k], (double)found, 0);
            bench_emit(keys[k], "rcgc", ns / (double)n);
        }
        rc_decref(ring);
        rc_gc_collect(rt, 2);
    }
}

/* The garbage rings, of reference-field nodes and of traverse-function
 * ones (key suffix "-fn"), runs alternating. */
static void rc_garbage(rc_runtime *rt, const plan *p) {
    size_t rings = p->garbage / p->garbage_len, n = rings * p->garbage_len;
    for (int r = 0; r < 2 * p->reps_garbage; r++) {
        bool fn = r % 2;
        for (size_t i = 0; i < rings; i++)
            rc_decref(bench_ring_new_kind(rt, p->garbage_len, fn));
        ptrdiff_t found;
        double ns = rc_timed_collect(rt, 2, &found);
        const char *key = fn ? "garbage-fn" : "garbage";
        check_found("rcgc", key, (double)found, (double)n);
        bench_emit(key, "rcgc", ns / (double)n);
    }
}

static void rc_pyperf(rc_runtime *rt, const plan *p) {
    size_t nodes = p->cycles * (p->links + 1);
    for (int r = 0; r < 2 * p->reps_pyperf; r++) {
        bool fn = r % 2;
        for (size_t i = 0; i < p->cycles; i++)
            rc_decref(bench_ring_new_kind(rt, p->links + 1, fn));
        ptrdiff_t found;
        double ns = rc_timed_collect(rt, 2, &found);
        const char *key = fn ? "pyperf/collect-fn" : "pyperf/collect";
        check_found("rcgc", key, (double)found, (double)nodes);
        bench_emit(key, "rcgc", ns / 1e6);
    }
    rc_object *top = levels_new(rt, p->levels);
    rc_gc_collect(rt, 2);
    for (int r = 0; r < p->reps_pyperf; r++) {
        ptrdiff_t found;
        double ns = rc_timed_collect(rt, 2, &found);
        check_found("rcgc", "pyperf/traverse", (double)found, 0);
        bench_emit("pyperf/traverse", "rcgc", ns / 1e6);
    }
    rc_decref(top);
}

#define YOUNG_MAX 512 /* kept young rings at most */

/* One generation-0 collection over young rings, half of them garbage. */
static double rc_gen0_once(rc_runtime *rt, const plan *p) {
    rc_object *keep[YOUNG_MAX];
    size_t nkeep = 0;
    for (size_t i = 0; i < p->young_rings && i < 2 * YOUNG_MAX; i++) {
        rc_object *h = bench_ring_new(rt, p->young_len);
        if (i % 2)
            rc_decref(h);
        else
            keep[nkeep++] = h;
    }
    ptrdiff_t found;
    double ns = rc_timed_collect(rt, 0, &found);
    check_found("rcgc", "gen0", (double)found,
                (double)((p->young_rings - nkeep) * p->young_len));
    for (size_t i = 0; i < nkeep; i++)
        rc_decref(keep[i]);
    rc_gc_collect(rt, 1); /* the survivors, now in generation 1 */
    return ns;
}

/* The two heaps live in two runtimes of this process, and their runs
 * alternate, so a burst of other work on the machine hits both alike. */
static void rc_gen0(rc_runtime *rt, const plan *p) {
    rc_runtime *empty = rc_runtime_new(NULL);
    if (!empty)
        die("rc_runtime_new");
    rc_gc_disable(empty);
    rc_gc_collect(rt, 2);
    rc_object *old = bench_ring_new(rt, p->old);
    rc_gc_collect(rt, 2); /* now they are old */
    for (int r = 0; r < p->reps_gen0; r++) {
        bench_emit("gen0/empty", "rcgc", rc_gen0_once(empty, p) / 1e3);
        bench_emit("gen0/old", "rcgc", rc_gen0_once(rt, p) / 1e3);
    }
    rc_decref(old);
    rc_runtime_free(empty);
}

/* part: the pyperformance shapes, or the rest (the big heaps). */
static void measure_rcgc(const plan *p, int part) {
    if (part == PART_PYPERF) {
        bench_note("rcgc %d.%d.%d, %s build, RC_DEBUG=%d, %s",
                   RCGC_VERSION_MAJOR, RCGC_VERSION_MINOR, RCGC_VERSION_PATCH,
                   BENCH_BUILD_TYPE, BENCH_RC_DEBUG, BENCH_COMPILER);
    } else {
        rc_bytes(p); /* first, while the process is fresh */
    }
    rc_runtime *rt = rc_runtime_new(NULL);
    if (!rt)
        die("rc_runtime_new");
    rc_gc_disable(rt);
    if (part == PART_PYPERF) {
        rc_pyperf(rt, p);
    } else {
        rc_live(rt, p);
        rc_garbage(rt, p);
        rc_gen0(rt, p);
    }
    rc_runtime_free(rt);
}

/* ====================================================================== */
/* bdwgc                                                                   */
/* ====================================================================== */

typedef struct bnode {
    struct bnode *next, *prev;
} bnode;

static void *volatile broot; /* the one root; static data is scanned */

static bnode *bbench_ring_new(size_t n) {
    bnode *head = GC_MALLOC(sizeof *head), *last = head;
    if (!head)
        die("GC_MALLOC");
    for (size_t i = 1; i < n; i++) {
        bnode *x = GC_MALLOC(sizeof *x);
        if (!x)
            die("GC_MALLOC");
        last->next = x;
        x->prev = last;
        last = x;
    }
    last->next = head;
    head->prev = last;
    return head;
}

static void **blevels_new(size_t levels) {
    void **cur = GC_MALLOC(sizeof(void *));
    for (size_t n = 0; n < levels; n++) {
        void **v = GC_MALLOC(sizeof(void *) * (n ? n : 1));
        if (!cur || !v)
            die("GC_MALLOC");
        for (size_t i = 0; i < n; i++)
            v[i] = cur;
        cur = v;
    }
    return cur;
}

/* Builds garbage out of line, so no pointer to it stays in this frame. */
static void __attribute__((noinline)) bgarbage(size_t rings, size_t len) {
    for (size_t i = 0; i < rings; i++)
        BENCH_ESCAPE(bbench_ring_new(len));
}

static double btimed_collect(void) {
    GC_enable();
    uint64_t t0 = bench_now_ns();
    GC_gcollect();
    double ns = (double)(bench_now_ns() - t0);
    GC_disable();
    return ns;
}

static void b_bytes(const plan *p) {
    size_t uss0 = rc_process_uss();
    broot = bbench_ring_new(p->bytes_nodes);
    size_t uss1 = rc_process_uss();
    bench_emit("bytes", "bdwgc",
               ((double)uss1 - (double)uss0) / (double)p->bytes_nodes);
    broot = NULL;
}

static void b_live(const plan *p) {
    static const char *const keys[2] = {"live/a", "live/b"};
    for (int k = 0; k < 2; k++) {
        broot = bbench_ring_new(p->live[k]);
        btimed_collect();
        for (int r = 0; r < p->reps_live; r++)
            bench_emit(keys[k], "bdwgc", btimed_collect() / (double)p->live[k]);
        broot = NULL;
        btimed_collect();
    }
}

/* Heap bytes still in use after a collection, to catch garbage that
 * conservative scanning kept alive. */
static size_t b_in_use(void) {
    return GC_get_heap_size() - GC_get_free_bytes();
}

static void b_garbage(const plan *p) {
    size_t rings = p->garbage / p->garbage_len, n = rings * p->garbage_len;
    for (int r = 0; r < p->reps_garbage; r++) {
        size_t before = b_in_use();
        bgarbage(rings, p->garbage_len);
        bench_emit("garbage", "bdwgc", btimed_collect() / (double)n);
        size_t kept = b_in_use() > before ? b_in_use() - before : 0;
        if (kept > n * sizeof(bnode) / 100)
            bench_note("bdwgc: %zu bytes of the garbage survived "
                       "(conservative roots)",
                       kept);
    }
}

static void b_pyperf(const plan *p) {
    for (int r = 0; r < p->reps_pyperf; r++) {
        bgarbage(p->cycles, p->links + 1);
        bench_emit("pyperf/collect", "bdwgc", btimed_collect() / 1e6);
    }
    broot = blevels_new(p->levels);
    btimed_collect();
    for (int r = 0; r < p->reps_pyperf; r++)
        bench_emit("pyperf/traverse", "bdwgc", btimed_collect() / 1e6);
    broot = NULL;
}

/* Threads in this process (bdwgc's marker threads would show here). */
static int process_threads(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    int n = 0;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "Threads: %d", &n) == 1)
            break;
    if (f)
        fclose(f);
    return n;
}

static void measure_bdwgc(const plan *p, int part) {
    GC_INIT();
    GC_disable();
    if (part == PART_HEAP) {
        b_bytes(p);
        b_live(p);
        b_garbage(p);
        return;
    }
    b_pyperf(p);
    unsigned v = GC_get_version();
    int threads = process_threads();
    bench_note("bdwgc %u.%u.%u: GC_MALLOC + GC_gcollect, %s; its 16-byte "
               "nodes take 32 B (GC_all_interior_pointers adds a byte)",
               v >> 16, v >> 8 & 0xff, v & 0xff,
               threads == 1 ? "one marker thread (the process has one thread)"
                            : "parallel markers (the process has more "
                              "than one thread)");
}

/* ====================================================================== */
/* The driver: runs the three systems, prints the table                    */
/* ====================================================================== */

enum { S_RCGC, S_CPYTHON, S_BDWGC, S_COUNT };
static const char *const sys_names[S_COUNT] = {"rcgc", "cpython", "bdwgc"};

/* How a row's target is judged against rcgc's median. */
enum { T_NONE, T_AT_MOST, T_SPEEDUP };

typedef struct row {
    const char *key;  /* samples' key; NULL: the gen0 slowdown row */
    const char *peer; /* CPython's and bdwgc's key, when not key: a row
                         of rcgc's alone on a shape they measure once */
    char label[40];   /* first column */
    const char *unit; /* second column */
    int decimals;     /* for the values */
    int target;       /* T_* */
    double limit;     /* the target's number */
} row;

static void fmt_value(char *buf, size_t len, bool have, double v, int dec) {
    if (have)
        snprintf(buf, len, "%.*f", dec, v);
    else
        snprintf(buf, len, "-");
}

static void fmt_ratio(char *buf, size_t len, bool have, double v) {
    if (have)
        snprintf(buf, len, "%.2fx", v);
    else
        snprintf(buf, len, "-");
}

/* Values of a row per system; the gen0 slowdown row is derived. */
static void row_values(const bench_results *r, const row *w, double v[],
                       bool have[]) {
    for (int s = 0; s < S_COUNT; s++) {
        if (w->key) {
            const char *key = s != S_RCGC && w->peer ? w->peer : w->key;
            have[s] = bench_get(r, key, sys_names[s], &v[s]);
            continue;
        }
        double old, empty;
        have[s] = bench_get(r, "gen0/old", sys_names[s], &old) &&
                  bench_get(r, "gen0/empty", sys_names[s], &empty) && empty > 0;
        v[s] = have[s] ? old / empty : 0;
    }
}

static void target_text(const row *w, char *buf, size_t len) {
    if (w->target == T_AT_MOST && !w->key)
        snprintf(buf, len, "<= %gx (old heap / empty)", w->limit);
    else if (w->target == T_AT_MOST)
        snprintf(buf, len, "<= %g %s", w->limit, w->unit);
    else if (w->target == T_SPEEDUP)
        snprintf(buf, len, ">= %gx faster than CPython", w->limit);
    else
        snprintf(buf, len, "-");
}

static const char *target_met(const row *w, const double v[],
                              const bool have[]) {
    if (w->target == T_AT_MOST)
        return !have[S_RCGC] ? "n/a" : v[S_RCGC] <= w->limit ? "yes" : "no";
    if (w->target == T_SPEEDUP) {
        if (!have[S_RCGC] || !have[S_CPYTHON] || v[S_RCGC] <= 0)
            return "n/a";
        return v[S_CPYTHON] / v[S_RCGC] >= w->limit ? "yes" : "no";
    }
    return "";
}

static void print_row(const bench_results *r, const row *w) {
    double v[S_COUNT];
    bool have[S_COUNT];
    row_values(r, w, v, have);
    char cell[S_COUNT][24], cpy[24], bdw[24], tgt[48];
    for (int s = 0; s < S_COUNT; s++)
        fmt_value(cell[s], sizeof cell[s], have[s], v[s], w->decimals);
    bool ok = have[S_RCGC] && v[S_RCGC] > 0;
    fmt_ratio(cpy, sizeof cpy, ok && have[S_CPYTHON] && w->key,
              v[S_CPYTHON] / v[S_RCGC]);
    fmt_ratio(bdw, sizeof bdw, ok && have[S_BDWGC] && w->key,
              v[S_BDWGC] / v[S_RCGC]);
    target_text(w, tgt, sizeof tgt);
    size_t n = w->key ? bench_count(r, w->key, "rcgc") : 0;
    char runs[8];
    snprintf(runs, sizeof runs, n ? "%zu" : "", n);
    printf("%-30s %-7s %4s %9s %9s %9s %8s %8s  %-28s %s\n", w->label, w->unit,
           runs, cell[S_RCGC], cell[S_CPYTHON], cell[S_BDWGC], cpy, bdw, tgt,
           target_met(w, v, have));
}

static const char *count_text(char *buf, size_t len, size_t n) {
    if (n >= 1000000 && n % 1000000 == 0)
        snprintf(buf, len, "%zuM", n / 1000000);
    else if (n >= 1000 && n % 1000 == 0)
        snprintf(buf, len, "%zuk", n / 1000);
    else
        snprintf(buf, len, "%zu", n);
    return buf;
}

static void print_table(const bench_results *r, const plan *p) {
    char a[24], b[24];
    row rows[] = {
        {"live/a", NULL, "", "ns/obj", 1, T_AT_MOST, 10},
        {"live/b", NULL, "", "ns/obj", 1, T_AT_MOST, 10},
        {"live/b-fn", "live/b", "", "ns/obj", 1, T_AT_MOST, 10},
        {"garbage", NULL, "", "ns/obj", 1, T_AT_MOST, 20},
        {"garbage-fn", "garbage", "", "ns/obj", 1, T_AT_MOST, 20},
        {"gen0/empty", NULL, "gen-0 collect, empty old heap", "us", 1, T_NONE,
         0},
        {"gen0/old", NULL, "", "us", 1, T_NONE, 0},
        {NULL, NULL, "", "ratio", 2, T_AT_MOST, 2},
        {"pyperf/collect", NULL, "pyperf gc_collect shape", "ms", 3, T_SPEEDUP,
         4},
        {"pyperf/collect-fn", "pyperf/collect", "  same, traverse functions",
         "ms", 3, T_SPEEDUP, 4},
        {"pyperf/traverse", NULL, "pyperf gc_traversal shape", "ms", 3,
         T_SPEEDUP, 4},
        {"bytes", NULL, "bytes per 2-link node (USS)", "B", 1, T_AT_MOST, 40},
    };
    snprintf(rows[0].label, sizeof rows[0].label, "full collect, %s live",
             count_text(a, sizeof a, p->live[0]));
    snprintf(rows[1].label, sizeof rows[1].label, "full collect, %s live",
             count_text(a, sizeof a, p->live[1]));
    snprintf(rows[2].label, sizeof rows[2].label, "  same, traverse functions");
    snprintf(rows[3].label, sizeof rows[3].label, "collect %s garbage (rings)",
             count_text(a, sizeof a, p->garbage));
    snprintf(rows[4].label, sizeof rows[4].label, "  same, traverse functions");
    snprintf(rows[6].label, sizeof rows[6].label, "gen-0 collect, %s old",
             count_text(a, sizeof a, p->old));
    snprintf(rows[7].label, sizeof rows[7].label, "gen-0 slowdown, %s/empty",
             count_text(b, sizeof b, p->old));
    printf("== gc: cycle collection; medians of `runs` runs; lower is "
           "better except the ratios\n");
    printf("   (CPy/rc and bdw/rc: CPython's and bdwgc's value divided by "
           "rcgc's; above 1 means rcgc is better)\n\n");
    printf("%-30s %-7s %4s %9s %9s %9s %8s %8s  %-28s %s\n", "shape", "unit",
           "runs", "rcgc", "CPython", "bdwgc", "CPy/rc", "bdw/rc",
           "target (DESIGN 10)", "met");
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        print_row(r, &rows[i]);
    printf("\n");
    bench_print_notes(r);
}

/* The command measuring system s, part part. */
static void child_command(char *cmd, size_t len, int s, int part, const plan *p,
                          bool quick, const char *python, const char *script) {
    const char *q = quick ? " --quick" : "";
    if (s != S_CPYTHON) {
        snprintf(cmd, len, "'%s' --only %s --part %s%s", bench_self_exe(),
                 sys_names[s], part_names[part], q);
        return;
    }
    snprintf(cmd, len,
             "%s '%s' --part %s --live %zu,%zu --garbage %zu "
             "--garbage-len %zu --old %zu --young %zu,%zu --cycles %zu "
             "--links %zu --levels %zu --bytes-nodes %zu --reps %d,%d,%d,%d",
             python, script, part_names[part], p->live[0], p->live[1],
             p->garbage, p->garbage_len, p->old, p->young_rings, p->young_len,
             p->cycles, p->links, p->levels, p->bytes_nodes, p->reps_live,
             p->reps_garbage, p->reps_gen0, p->reps_pyperf);
}

static int drive(const plan *p, bool quick, const char *python,
                 const char *script) {
    bench_results r = {0};
    bench_pin(&r);
    char cmd[8192];
    for (int part = 0; part < PART_COUNT; part++) {
        for (int s = 0; s < S_COUNT; s++) {
            child_command(cmd, sizeof cmd, s, part, p, quick, python, script);
            bench_run(&r, cmd);
        }
    }
    print_table(&r, p);
    int failed = r.failures;
    bench_results_free(&r);
    return failed ? 1 : 0;
}

/* ====================================================================== */
/* Command line                                                            */
/* ====================================================================== */

static _Noreturn void usage(void) {
    fputs("usage: gc [--quick] [--python CMD] [--script PATH] "
          "[--only rcgc|bdwgc [--part pyperf|heap]]\n"
          "  --quick        a tenth of the sizes (a smoke test, not a result)\n"
          "  --python CMD   the CPython to compare with (default python3)\n"
          "  --script PATH  gc_cpython.py (default: the source tree's)\n"
          "  --only S       measure system S here and print raw samples\n"
          "  --part P       with --only: pyperf (shapes) or heap (the rest)\n",
          stderr);
    exit(2);
}

static int parse_part(const char *name) {
    for (int part = 0; part < PART_COUNT; part++)
        if (!strcmp(name, part_names[part]))
            return part;
    usage();
}

int main(int argc, char **argv) {
    const char *only = NULL, *python = "python3", *part_name = "heap";
    const char *script = BENCH_CPYTHON_SCRIPT;
    bool quick = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick"))
            quick = true;
        else if (!strcmp(argv[i], "--python") && i + 1 < argc)
            python = argv[++i];
        else if (!strcmp(argv[i], "--script") && i + 1 < argc)
            script = argv[++i];
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else if (!strcmp(argv[i], "--part") && i + 1 < argc)
            part_name = argv[++i];
        else
            usage();
    }
    plan p = plan_make(quick);
    if (!only)
        return drive(&p, quick, python, script);
    int part = parse_part(part_name);
    if (!strcmp(only, "rcgc"))
        measure_rcgc(&p, part);
    else if (!strcmp(only, "bdwgc"))
        measure_bdwgc(&p, part);
    else
        usage();
    return 0;
}
