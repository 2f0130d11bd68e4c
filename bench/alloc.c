/*
 * alloc.c — small-object churn: rcgc's pool allocator (rc_malloc/rc_free on
 * one runtime) against glibc malloc, mimalloc (mi_malloc/mi_free) and
 * jemalloc (mallocx/sdallocx), in nanoseconds per alloc+free pair.
 *
 * Workloads, all with a store into each new block:
 *   hot/<size>    one block of one size allocated and freed at once, over
 *                 and over (LIFO reuse of a single block), while 16 other
 *                 blocks of the size stay allocated: the fast path;
 *   lone          the same for 64 B with no other block alive, so that each
 *                 free empties a page or pool (allocators that give empty
 *                 pages back pay for it every time);
 *   batch/<n>     n live 64-byte blocks allocated in a row, then freed in a
 *                 random order (the same permutation for everyone), after
 *                 an untimed round: memory an allocator keeps is reused,
 *                 memory it gave back to the OS is faulted in again;
 *   mixed         1,024 live blocks of random sizes 16-512 B; each step
 *                 frees a random one and allocates a new random size in its
 *                 place (the same sequence for everyone);
 *   churn         objects: batches of 1,000 alternating 32- and 64-byte
 *                 blocks, freed in a shuffled order (the same for everyone).
 *                 rcgc makes them with rc_new (plain types, no references,
 *                 so untracked; zeroed, as rc_new promises) and drops them
 *                 with rc_decref; the others malloc and free, one store each.
 *
 * Why several executables. Debian's libjemalloc and libmimalloc both export
 * malloc/free, so linking either replaces glibc's allocator in the whole
 * process, and jemalloc cannot be dlopen()ed instead ("cannot allocate
 * memory in static TLS block": it uses initial-exec TLS). So this file is
 * built three times: `alloc` (rcgc and glibc; links neither library and is
 * the driver), `alloc-mimalloc` (-lmimalloc) and `alloc-jemalloc`
 * (-ljemalloc). The driver runs every allocator in a process of its own,
 * several times in rotating order, and takes the median of all samples.
 * jemalloc gets its sized API (sdallocx), the same information rc_free has.
 */
#define _GNU_SOURCE
#include "common.h"

#include <rcgc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VARIANT_MAIN     0 /* rcgc + glibc; the driver */
#define VARIANT_MIMALLOC 1
#define VARIANT_JEMALLOC 2

#ifndef BENCH_ALLOC_VARIANT
#define BENCH_ALLOC_VARIANT VARIANT_MAIN
#endif

#if BENCH_ALLOC_VARIANT == VARIANT_MAIN
#include <gnu/libc-version.h>
#elif BENCH_ALLOC_VARIANT == VARIANT_MIMALLOC
#include <mimalloc.h>
#elif BENCH_ALLOC_VARIANT == VARIANT_JEMALLOC
#include <jemalloc/jemalloc.h>
#endif

enum { A_RCGC, A_GLIBC, A_MIMALLOC, A_JEMALLOC, A_COUNT };

static const char *const alloc_names[A_COUNT] = {"rcgc", "glibc", "mimalloc",
                                                 "jemalloc"};

/* Sizes of the hot workload; batch sizes; the mixed workload's shape. */
static const size_t hot_sizes[] = {16, 64, 256, 512};
#define HOT_NEIGHBORS 16 /* live blocks of the size around the hot one */
#define LONE_SIZE     64 /* size of the lone-block row */
static const size_t batch_counts[] = {10000, 1000000};
#define BATCH_SIZE 64
#define CHURN_N    1000       /* objects per churn batch */
#define MIX_LIVE   1024u      /* live blocks (a power of two) */
#define MIX_PLAN   (1u << 14) /* steps before the random plan repeats */

/* How much work one run does; --quick divides it by 10. */
typedef struct plan {
    size_t hot_iters;   /* pairs per hot run */
    size_t batch_pairs; /* pairs per batch run (rounded to whole batches) */
    size_t mix_steps;   /* pairs per mixed run */
    size_t churn_pairs; /* pairs per churn run (rounded to whole batches) */
    int reps;           /* measured runs per process (after one warm-up) */
    int rounds;         /* processes per allocator (driver) */
} plan;

#if BENCH_ALLOC_VARIANT == VARIANT_MAIN
static rc_runtime *rt; /* the runtime rcgc's blocks come from */
#endif

/* ====================================================================== */
/* The allocators                                                          */
/* ====================================================================== */

static void out_of_memory(void) {
    fputs("alloc: out of memory\n", stderr);
    exit(1);
}

BENCH_INLINE void *xalloc(int a, size_t n) {
    void *p = NULL;
    switch (a) {
#if BENCH_ALLOC_VARIANT == VARIANT_MAIN
    case A_RCGC:
        p = rc_malloc(rt, n);
        break;
    case A_GLIBC:
        p = malloc(n);
        break;
#elif BENCH_ALLOC_VARIANT == VARIANT_MIMALLOC
    case A_MIMALLOC:
        p = mi_malloc(n);
        break;
#elif BENCH_ALLOC_VARIANT == VARIANT_JEMALLOC
    case A_JEMALLOC:
        p = mallocx(n, 0);
        break;
#endif
    }
    if (__builtin_expect(!p, 0))
        out_of_memory();
    return p;
}

BENCH_INLINE void xfree(int a, void *p, size_t n) {
    switch (a) {
#if BENCH_ALLOC_VARIANT == VARIANT_MAIN
    case A_RCGC:
        rc_free(rt, p, n);
        break;
    case A_GLIBC:
        free(p);
        break;
#elif BENCH_ALLOC_VARIANT == VARIANT_MIMALLOC
    case A_MIMALLOC:
        mi_free(p);
        break;
#elif BENCH_ALLOC_VARIANT == VARIANT_JEMALLOC
    case A_JEMALLOC:
        sdallocx(p, n, 0);
        break;
#endif
    }
}

#if BENCH_ALLOC_VARIANT == VARIANT_MAIN
static const rc_type plain32 = {.name = "plain32", .basicsize = 32};
static const rc_type plain64 = {.name = "plain64", .basicsize = 64};
#endif

/* An object of n (32 or 64) bytes: rcgc's rc_new of a plain type, the
 * others' malloc. */
BENCH_INLINE void *xnew(int a, size_t n) {
#if BENCH_ALLOC_VARIANT == VARIANT_MAIN
    if (a == A_RCGC) {
        rc_object *o = rc_new(rt, n == 32 ? &plain32 : &plain64);
        if (__builtin_expect(!o, 0))
            out_of_memory();
        return o;
    }
#endif
    return xalloc(a, n);
}

BENCH_INLINE void xdrop(int a, void *p, size_t n) {
#if BENCH_ALLOC_VARIANT == VARIANT_MAIN
    if (a == A_RCGC) {
        rc_decref(p);
        return;
    }
#endif
    xfree(a, p, n);
}

/* A store into the block, as a user would make, that must happen. */
BENCH_INLINE void touch(void *p, size_t v) {
    memcpy(p, &v, sizeof v);
    BENCH_ESCAPE(p);
}

/* ====================================================================== */
/* Workloads (each returns ns per alloc+free pair)                         */
/* ====================================================================== */

/* The hot loop. With neighbors > 0, that many blocks of the size stay
 * allocated around it, so the loop reuses a block of a page or pool that
 * never empties (the fast path). With none, each free empties the page or
 * pool, which some allocators then give back. */
BENCH_INLINE double hot(int a, size_t size, size_t iters) {
    uint64_t t0 = bench_now_ns();
    for (size_t i = 0; i < iters; i++) {
        void *p = xalloc(a, size);
        touch(p, i);
        xfree(a, p, size);
    }
    return (double)(bench_now_ns() - t0) / (double)iters;
}

BENCH_INLINE double hot_among(int a, size_t size, size_t iters,
                              size_t neighbors) {
    void *keep[HOT_NEIGHBORS];
    for (size_t i = 0; i < neighbors; i++)
        keep[i] = xalloc(a, size);
    double ns = hot(a, size, iters);
    for (size_t i = neighbors; i-- > 0;)
        xfree(a, keep[i], size);
    return ns;
}

BENCH_INLINE void batch_round(int a, void **ptrs, const uint32_t *order,
                              size_t n) {
    for (size_t i = 0; i < n; i++) {
        ptrs[i] = xalloc(a, BATCH_SIZE);
        touch(ptrs[i], i);
    }
    for (size_t i = 0; i < n; i++)
        xfree(a, ptrs[order[i]], BATCH_SIZE);
}

/* One untimed round first, so the timed ones see the allocator as a program
 * repeating the work would: with whatever memory it kept from last time. */
BENCH_INLINE double batch(int a, void **ptrs, const uint32_t *order, size_t n,
                          size_t rounds) {
    batch_round(a, ptrs, order, n);
    uint64_t t0 = bench_now_ns();
    for (size_t r = 0; r < rounds; r++)
        batch_round(a, ptrs, order, n);
    return (double)(bench_now_ns() - t0) / (double)(n * rounds);
}

/* plan entries: slot in the low 16 bits, new size in the high 16. */
BENCH_INLINE double mixed(int a, const uint32_t *mplan, size_t steps) {
    void *ptr[MIX_LIVE];
    uint32_t sz[MIX_LIVE];
    for (uint32_t j = 0; j < MIX_LIVE; j++) {
        sz[j] = mplan[j] >> 16;
        ptr[j] = xalloc(a, sz[j]);
    }
    uint64_t t0 = bench_now_ns();
    for (size_t s = 0; s < steps; s++) {
        uint32_t e = mplan[s & (MIX_PLAN - 1)];
        uint32_t j = e & (MIX_LIVE - 1), n = e >> 16;
        xfree(a, ptr[j], sz[j]);
        ptr[j] = xalloc(a, n);
        touch(ptr[j], s);
        sz[j] = n;
    }
    double ns = (double)(bench_now_ns() - t0) / (double)steps;
    for (uint32_t j = 0; j < MIX_LIVE; j++)
        xfree(a, ptr[j], sz[j]);
    return ns;
}

/* Batches of CHURN_N objects of 32 and 64 bytes (alternating), each gets a
 * store past the first 16 bytes (rcgc's header), then all are dropped in
 * the order given. */
BENCH_INLINE double churn(int a, void **ptrs, const uint32_t *order,
                          size_t batches) {
    uint64_t t0 = bench_now_ns();
    for (size_t b = 0; b < batches; b++) {
        for (size_t i = 0; i < CHURN_N; i++) {
            ptrs[i] = xnew(a, i & 1 ? 64 : 32);
            touch((char *)ptrs[i] + 16, i);
        }
        for (size_t i = 0; i < CHURN_N; i++)
            xdrop(a, ptrs[order[i]], order[i] & 1 ? 64 : 32);
    }
    return (double)(bench_now_ns() - t0) / (double)(batches * CHURN_N);
}

/* ====================================================================== */
/* Inputs shared by every allocator                                        */
/* ====================================================================== */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rng_next(void) {
    uint64_t x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1Du;
}

static uint32_t *permutation(size_t n) {
    uint32_t *p = malloc(n * sizeof *p);
    if (!p)
        out_of_memory();
    for (size_t i = 0; i < n; i++)
        p[i] = (uint32_t)i;
    for (size_t i = n - 1; i > 0; i--) {
        size_t j = rng_next() % (i + 1);
        uint32_t t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
    return p;
}

static uint32_t *mix_plan(void) {
    uint32_t *p = malloc(MIX_PLAN * sizeof *p);
    if (!p)
        out_of_memory();
    for (uint32_t s = 0; s < MIX_PLAN; s++) {
        uint32_t size = 16 + (uint32_t)(rng_next() % (512 - 16 + 1));
        uint32_t slot = (uint32_t)(rng_next() % MIX_LIVE);
        p[s] = (size << 16) | slot;
    }
    return p;
}

typedef struct inputs {
    uint32_t *order[2];    /* a permutation per batch count */
    uint32_t *churn_order; /* a permutation of CHURN_N */
    void **ptrs;           /* room for the largest batch */
    uint32_t *mplan;
} inputs;

static void inputs_make(inputs *in) {
    rng_state = 0x9E3779B97F4A7C15u; /* identical inputs in every process */
    for (int b = 0; b < 2; b++)
        in->order[b] = permutation(batch_counts[b]);
    in->churn_order = permutation(CHURN_N);
    in->ptrs = malloc(batch_counts[1] * sizeof *in->ptrs);
    in->mplan = mix_plan();
    if (!in->ptrs)
        out_of_memory();
}

static void inputs_free(inputs *in) {
    for (int b = 0; b < 2; b++)
        free(in->order[b]);
    free(in->churn_order);
    free(in->ptrs);
    free(in->mplan);
}

/* ====================================================================== */
/* Measuring one allocator (in its own process)                            */
/* ====================================================================== */

/* One run of every workload; emit says whether it counts (not warm-up). */
BENCH_INLINE void run_once(int a, const plan *pl, const inputs *in, bool emit) {
    const char *name = alloc_names[a];
    char key[48];
    for (size_t i = 0; i < sizeof hot_sizes / sizeof *hot_sizes; i++) {
        double ns = hot_among(a, hot_sizes[i], pl->hot_iters, HOT_NEIGHBORS);
        snprintf(key, sizeof key, "hot/%zu", hot_sizes[i]);
        if (emit)
            bench_emit(key, name, ns);
    }
    double lone = hot_among(a, LONE_SIZE, pl->hot_iters, 0);
    if (emit)
        bench_emit("lone", name, lone);
    for (int b = 0; b < 2; b++) {
        size_t n = batch_counts[b];
        size_t rounds = pl->batch_pairs / n ? pl->batch_pairs / n : 1;
        double ns = batch(a, in->ptrs, in->order[b], n, rounds);
        snprintf(key, sizeof key, "batch/%zu", n);
        if (emit)
            bench_emit(key, name, ns);
    }
    double ns = mixed(a, in->mplan, pl->mix_steps);
    if (emit)
        bench_emit("mixed", name, ns);
    size_t batches = pl->churn_pairs / CHURN_N ? pl->churn_pairs / CHURN_N : 1;
    ns = churn(a, in->ptrs, in->churn_order, batches);
    if (emit)
        bench_emit("churn", name, ns);
}

BENCH_INLINE void measure(int a, const plan *pl) {
    inputs in;
    inputs_make(&in);
    for (int r = 0; r <= pl->reps; r++)
        run_once(a, pl, &in, r > 0);
    inputs_free(&in);
}

#if BENCH_ALLOC_VARIANT == VARIANT_MAIN
static void measure_rcgc(const plan *pl) {
    rt = rc_runtime_new(NULL);
    if (!rt)
        out_of_memory();
    measure(A_RCGC, pl);
    rc_mem_stats st = {.size = sizeof st};
    if (rc_mem_get_stats(rt, &st) == 0)
        bench_note("rcgc: %zu arenas mapped and %zu returned to the OS in "
                   "one process (1 MiB each; the batch rows churn them)",
                   st.arenas_allocated, st.arenas_reclaimed);
    rc_runtime_free(rt);
}

static void measure_glibc(const plan *pl) {
    bench_note("glibc %s malloc/free", gnu_get_libc_version());
    measure(A_GLIBC, pl);
}
#elif BENCH_ALLOC_VARIANT == VARIANT_MIMALLOC
static void measure_mimalloc(const plan *pl) {
    int v = mi_version();
    bench_note("mimalloc %d.%d.%d mi_malloc/mi_free", v / 100, v / 10 % 10,
               v % 10);
    measure(A_MIMALLOC, pl);
}
#elif BENCH_ALLOC_VARIANT == VARIANT_JEMALLOC
static void measure_jemalloc(const plan *pl) {
    const char *v = "?";
    size_t len = sizeof v;
    mallctl("version", &v, &len, NULL, 0);
    bench_note("jemalloc %.5s mallocx/sdallocx", v);
    measure(A_JEMALLOC, pl);
}
#endif

/* Measures the allocator called name if this executable has it. */
static int measure_named(const char *name, const plan *pl) {
#if BENCH_ALLOC_VARIANT == VARIANT_MAIN
    if (!strcmp(name, "rcgc")) {
        measure_rcgc(pl);
        return 0;
    }
    if (!strcmp(name, "glibc")) {
        measure_glibc(pl);
        return 0;
    }
#elif BENCH_ALLOC_VARIANT == VARIANT_MIMALLOC
    if (!strcmp(name, "mimalloc")) {
        measure_mimalloc(pl);
        return 0;
    }
#elif BENCH_ALLOC_VARIANT == VARIANT_JEMALLOC
    if (!strcmp(name, "jemalloc")) {
        measure_jemalloc(pl);
        return 0;
    }
#endif
    fprintf(stderr, "alloc: this executable does not measure '%s'\n", name);
    return 2;
}

/* ====================================================================== */
/* The driver                                                              */
/* ====================================================================== */

#if BENCH_ALLOC_VARIANT == VARIANT_MAIN

/* The command measuring allocator a, with the work plan passed on. */
static void child_command(char *cmd, size_t len, int a, const plan *pl,
                          bool quick) {
    static const char *const exe[A_COUNT] = {NULL, NULL, "alloc-mimalloc",
                                             "alloc-jemalloc"};
    char path[4200];
    if (exe[a])
        snprintf(path, sizeof path, "%s/%s", bench_self_dir(), exe[a]);
    else
        snprintf(path, sizeof path, "%s", bench_self_exe());
    snprintf(cmd, len, "'%s' --only %s --reps %d%s", path, alloc_names[a],
             pl->reps, quick ? " --quick" : "");
}

static void print_row(const bench_results *r, const char *key,
                      const char *label) {
    double v[A_COUNT], mi = 0;
    bool have[A_COUNT];
    for (int a = 0; a < A_COUNT; a++)
        have[a] = bench_get(r, key, alloc_names[a], &v[a]);
    bool have_mi = have[A_MIMALLOC] && (mi = v[A_MIMALLOC]) > 0;
    printf("%-26s", label);
    for (int a = 0; a < A_COUNT; a++) {
        if (!have[a])
            printf(" %16s", "n/a");
        else if (have_mi)
            printf(" %8.2f (%5.2f)", v[a], v[a] / mi);
        else
            printf(" %8.2f (  -  )", v[a]);
    }
    if (have[A_RCGC] && have_mi)
        printf("   %s\n", v[A_RCGC] <= mi ? "yes" : "no");
    else
        printf("   n/a\n");
}

static void print_table(const bench_results *r, const plan *pl) {
    printf("== alloc: ns per alloc+free pair, median of %zu samples "
           "(%d processes x %d runs); lower is better\n",
           bench_max_samples(r), pl->rounds, pl->reps);
    printf("   (in parentheses: ratio to mimalloc; DESIGN 10 target: rcgc "
           "<= mimalloc)\n\n");
    printf("%-26s", "workload");
    for (int a = 0; a < A_COUNT; a++)
        printf(" %16s", alloc_names[a]);
    printf("   rcgc <= mimalloc?\n");
    char key[48], label[48];
    for (size_t i = 0; i < sizeof hot_sizes / sizeof *hot_sizes; i++) {
        snprintf(key, sizeof key, "hot/%zu", hot_sizes[i]);
        snprintf(label, sizeof label, "hot LIFO, %zu B", hot_sizes[i]);
        print_row(r, key, label);
    }
    snprintf(label, sizeof label, "hot, lone %d B block", LONE_SIZE);
    print_row(r, "lone", label);
    for (int b = 0; b < 2; b++) {
        snprintf(key, sizeof key, "batch/%zu", batch_counts[b]);
        size_t n = batch_counts[b];
        if (n % 1000000 == 0)
            snprintf(label, sizeof label, "random free, %zuM x %d B",
                     n / 1000000, BATCH_SIZE);
        else
            snprintf(label, sizeof label, "random free, %zuk x %d B", n / 1000,
                     BATCH_SIZE);
        print_row(r, key, label);
    }
    print_row(r, "mixed", "mixed 16-512 B, 1k live");
    print_row(r, "churn", "object churn, 32/64 B");
    printf("\n");
    bench_print_notes(r);
}

static int drive(const plan *pl, bool quick) {
    bench_results r = {0};
    bench_pin(&r);
    char cmd[4400];
    for (int round = 0; round < pl->rounds; round++) {
        for (int i = 0; i < A_COUNT; i++) {
            int a = (i + round) % A_COUNT; /* rotate the order */
            child_command(cmd, sizeof cmd, a, pl, quick);
            bench_run(&r, cmd);
        }
    }
    print_table(&r, pl);
    int failed = r.failures;
    bench_results_free(&r);
    return failed ? 1 : 0;
}
#endif

/* ====================================================================== */
/* Command line                                                            */
/* ====================================================================== */

static _Noreturn void usage(void) {
    fputs("usage: alloc [--quick] [--reps N] [--rounds N] [--only NAME]\n"
          "  --quick    a tenth of the work (a smoke test, not a result)\n"
          "  --reps N   measured runs per process (default 5)\n"
          "  --rounds N processes per allocator (default 3)\n"
          "  --only A   measure allocator A here and print raw samples\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv) {
    plan pl = {4000000, 2000000, 4000000, 4000000, 5, 3};
    const char *only = NULL;
    bool quick = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick"))
            quick = true;
        else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
            pl.reps = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            pl.rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else
            usage();
    }
    if (pl.reps < 1 || pl.rounds < 1)
        usage();
    if (quick) {
        pl.hot_iters /= 10;
        pl.batch_pairs /= 10;
        pl.mix_steps /= 10;
        pl.churn_pairs /= 10;
    }
    if (only)
        return measure_named(only, &pl);
#if BENCH_ALLOC_VARIANT == VARIANT_MAIN
    return drive(&pl, quick);
#else
    usage();
#endif
}
