/*
 * parallel.c — runtimes in parallel: the same allocator and collector work
 * done by one runtime on one thread, then by two runtimes on two threads
 * at once. rcgc keeps all state in its runtime, so two runtimes share
 * nothing and should do twice the work in the same time on two cores.
 *
 * Each workload runs on a thread of its own with a runtime of its own,
 * made (and its heap warmed) before the clock starts; the threads start
 * together at a barrier and the time is the wall time until the last one
 * is done. A cell is nanoseconds per operation of one thread's work, the
 * speedup is 2 × t(1) / t(2): the throughput of two runtimes over that of
 * one (2 is perfect; DESIGN's target is 1.8). The configurations
 * alternate, so a burst of other work on the machine hits both alike.
 *
 * Threads are pinned: the first to core A, the second to core B (the first
 * two CPUs the process may use). The cores of a virtual machine need not be
 * equally fast, and then two runtimes cannot reach twice the throughput of
 * one on the faster core, however little they share. So each core is also
 * timed alone, and the scaling column compares each thread's time next to
 * the other with its own core's time alone: tA(alone)/tA(both) +
 * tB(alone)/tB(both), 2 when the runtimes do not slow each other at all.
 * That is what "no shared state, no false sharing" predicts, and the
 * target is judged on it; the speedup column stays for equal cores.
 *
 *   alloc/hot      rc_malloc + rc_free of 64 B, 16 neighbours alive;
 *   alloc/random   10,000 blocks of 64 B allocated, freed in a random order;
 *   alloc/churn    rc_new of 32/64-byte plain objects in batches of 1,000,
 *                  rc_decref in a shuffled order;
 *   gc/live        a full collection with 100,000 live two-link nodes;
 *   gc/garbage     10,000 rings of 10 two-link nodes dropped, then a full
 *                  collection (build and collection both timed).
 */
#define _GNU_SOURCE
#include "common.h"
#include "ring.h"

#include <rcgc.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The work of one thread, per workload; --quick divides it by ten. */
typedef struct plan {
    size_t hot_pairs;     /* alloc/hot */
    size_t random_rounds; /* alloc/random: rounds of RANDOM_N */
    size_t churn_batches; /* alloc/churn: batches of CHURN_N */
    int live_collections; /* gc/live */
    int garbage_rounds;   /* gc/garbage */
    int reps;             /* samples per configuration */
} plan;

#define RANDOM_N     10000
#define CHURN_N      1000
#define LIVE_NODES   100000
#define GARBAGE_RING 10
#define GARBAGE_N    100000

static void die(const char *what) {
    fprintf(stderr, "parallel: %s failed\n", what);
    exit(1);
}

/* ====================================================================== */
/* Inputs                                                                  */
/* ====================================================================== */

static uint32_t random_order[RANDOM_N], churn_order[CHURN_N];

static void shuffle(uint32_t *v, size_t n, uint64_t *state) {
    for (size_t i = 0; i < n; i++)
        v[i] = (uint32_t)i;
    for (size_t i = n - 1; i > 0; i--) {
        uint64_t x = *state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        *state = x;
        size_t j = (size_t)((x * 0x2545F4914F6CDD1Du) % (i + 1));
        uint32_t t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}

/* ====================================================================== */
/* The objects                                                             */
/* ====================================================================== */

static const rc_type plain32 = {.name = "plain32", .basicsize = 32};
static const rc_type plain64 = {.name = "plain64", .basicsize = 64};

/* ====================================================================== */
/* Workloads: each returns how many operations it did                      */
/* ====================================================================== */

typedef struct thread_state {
    rc_runtime *rt;
    const plan *p;
    rc_object *ring; /* gc/live */
    void *blocks[RANDOM_N];
} thread_state;

static double work_hot(thread_state *t) {
    void *keep[16];
    for (int i = 0; i < 16; i++)
        keep[i] = rc_malloc(t->rt, 64);
    for (size_t i = 0; i < t->p->hot_pairs; i++) {
        void *b = rc_malloc(t->rt, 64);
        if (!b)
            die("rc_malloc");
        memcpy(b, &i, sizeof i);
        BENCH_ESCAPE(b);
        rc_free(t->rt, b, 64);
    }
    for (int i = 0; i < 16; i++)
        rc_free(t->rt, keep[i], 64);
    return (double)t->p->hot_pairs;
}

static double work_random(thread_state *t) {
    for (size_t r = 0; r < t->p->random_rounds; r++) {
        for (size_t i = 0; i < RANDOM_N; i++) {
            if (!(t->blocks[i] = rc_malloc(t->rt, 64)))
                die("rc_malloc");
            memcpy(t->blocks[i], &i, sizeof i);
        }
        for (size_t i = 0; i < RANDOM_N; i++)
            rc_free(t->rt, t->blocks[random_order[i]], 64);
    }
    return (double)(t->p->random_rounds * RANDOM_N);
}

static double work_churn(thread_state *t) {
    rc_object **o = (rc_object **)t->blocks;
    for (size_t r = 0; r < t->p->churn_batches; r++) {
        for (size_t i = 0; i < CHURN_N; i++) {
            if (!(o[i] = rc_new(t->rt, i & 1 ? &plain64 : &plain32)))
                die("rc_new");
            memcpy(o[i] + 1, &i, sizeof i);
        }
        for (size_t i = 0; i < CHURN_N; i++)
            rc_decref(o[churn_order[i]]);
    }
    return (double)(t->p->churn_batches * CHURN_N);
}

static double work_live(thread_state *t) {
    for (int r = 0; r < t->p->live_collections; r++)
        if (rc_gc_collect(t->rt, 2) != 0)
            die("gc/live: a collection found garbage");
    return (double)t->p->live_collections * LIVE_NODES;
}

static double work_garbage(thread_state *t) {
    for (int r = 0; r < t->p->garbage_rounds; r++) {
        for (size_t i = 0; i < GARBAGE_N / GARBAGE_RING; i++)
            rc_decref(bench_ring_new(t->rt, GARBAGE_RING));
        if (rc_gc_collect(t->rt, 2) != GARBAGE_N)
            die("gc/garbage: a collection missed garbage");
    }
    return (double)t->p->garbage_rounds * GARBAGE_N;
}

typedef struct workload {
    const char *key, *label;
    double (*run)(thread_state *t);
    bool live_ring; /* set up: a ring of LIVE_NODES held */
} workload;

static const workload workloads[] = {
    {"alloc/hot", "alloc: hot LIFO, 64 B", work_hot, false},
    {"alloc/random", "alloc: random free, 10k x 64 B", work_random, false},
    {"alloc/churn", "alloc: object churn, 32/64 B", work_churn, false},
    {"gc/live", "gc: full collect, 100k live", work_live, true},
    {"gc/garbage", "gc: 100k garbage, build+collect", work_garbage, false},
};
enum { NWORK = sizeof workloads / sizeof *workloads };

/* ====================================================================== */
/* Threads                                                                 */
/* ====================================================================== */

typedef struct run {
    const workload *w;
    const plan *p;
    pthread_barrier_t ready, go;
    double ops;   /* per thread */
    int next;     /* threads started, for their slot */
    int cpu[2];   /* slot i runs on CPU cpu[i] (-1: not pinned) */
    double ns[2]; /* slot i's own time */
    pthread_mutex_t lock;
} run;

static void pin_to(int cpu) {
    if (cpu < 0)
        return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

static void *thread_main(void *arg) {
    run *r = arg;
    pthread_mutex_lock(&r->lock);
    int slot = r->next++;
    pthread_mutex_unlock(&r->lock);
    pin_to(r->cpu[slot]);
    thread_state *t = calloc(1, sizeof *t);
    if (!t || !(t->rt = rc_runtime_new(NULL)))
        die("rc_runtime_new");
    rc_gc_disable(t->rt);
    t->p = r->p;
    if (r->w->live_ring) {
        t->ring = bench_ring_new(t->rt, LIVE_NODES);
        rc_gc_collect(t->rt, 2);
    }
    r->w->run(t); /* warm-up: the heap as the timed run will find it */
    pthread_barrier_wait(&r->ready);
    pthread_barrier_wait(&r->go);
    uint64_t t0 = bench_now_ns();
    r->ops = r->w->run(t);
    r->ns[slot] = (double)(bench_now_ns() - t0);
    rc_xdecref(t->ring);
    rc_runtime_free(t->rt);
    free(t);
    return NULL;
}

/* Wall time in ns of w run on nthreads threads at once, each with a
 * runtime, thread i on CPU cpu[i]; *ops gets one thread's operations,
 * ns[i] thread i's own time. */
static double timed(const workload *w, const plan *p, int nthreads,
                    const int cpu[], double *ops, double ns_each[]) {
    run r = {.w = w, .p = p, .cpu = {cpu[0], nthreads > 1 ? cpu[1] : -1}};
    pthread_mutex_init(&r.lock, NULL);
    pthread_t th[2];
    pthread_barrier_init(&r.ready, NULL, (unsigned)nthreads + 1);
    pthread_barrier_init(&r.go, NULL, (unsigned)nthreads + 1);
    for (int i = 0; i < nthreads; i++)
        if (pthread_create(&th[i], NULL, thread_main, &r) != 0)
            die("pthread_create");
    pthread_barrier_wait(&r.ready);
    uint64_t t0 = bench_now_ns();
    pthread_barrier_wait(&r.go);
    for (int i = 0; i < nthreads; i++)
        pthread_join(th[i], NULL);
    double ns = (double)(bench_now_ns() - t0);
    pthread_barrier_destroy(&r.ready);
    pthread_barrier_destroy(&r.go);
    pthread_mutex_destroy(&r.lock);
    *ops = r.ops;
    for (int i = 0; i < nthreads; i++)
        ns_each[i] = r.ns[i];
    return ns;
}

/* The first two CPUs this process may run on (-1 where there is none). */
static void pick_cpus(int cpu[2]) {
    cpu[0] = cpu[1] = -1;
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return;
    for (int c = 0, k = 0; c < CPU_SETSIZE && k < 2; c++)
        if (CPU_ISSET(c, &set))
            cpu[k++] = c;
}

/* ====================================================================== */
/* The table                                                               */
/* ====================================================================== */

static void print_table(const bench_results *res, const plan *p,
                        const int cpu[2]) {
    printf("== parallel: one runtime per thread, ns per operation of one "
           "thread's work; medians of %d runs\n",
           p->reps);
    printf("   (A, B: the thread on core A / B, alone or next to the other. "
           "speedup: 2 x t(A alone) / t(both, wall);\n"
           "    scaling: tA(alone)/tA(both) + tB(alone)/tB(both), 2 when "
           "two runtimes do not slow each other)\n\n");
    printf("%-34s %8s %8s %8s %8s %8s %8s  %-8s %s\n", "workload", "A alone",
           "B alone", "A both", "B both", "speedup", "scaling", "target",
           "met");
    for (int i = 0; i < NWORK; i++) {
        const char *k = workloads[i].key;
        double a1, b1, a2, b2, two;
        if (!bench_get(res, k, "A1", &a1) || !bench_get(res, k, "B1", &b1) ||
            !bench_get(res, k, "A2", &a2) || !bench_get(res, k, "B2", &b2) ||
            !bench_get(res, k, "2", &two))
            continue;
        double speedup = 2 * a1 / two, scaling = a1 / a2 + b1 / b2;
        printf("%-34s %8.2f %8.2f %8.2f %8.2f %7.2fx %7.2fx  %-8s %s\n",
               workloads[i].label, a1, b1, a2, b2, speedup, scaling, ">= 1.8x",
               scaling >= 1.8 ? "yes" : "no");
    }
    printf("\n  note: %ld cores online; thread A on CPU %d, B on CPU %d; other "
           "work on the machine lowers both columns (two threads need two "
           "idle cores)\n",
           sysconf(_SC_NPROCESSORS_ONLN), cpu[0], cpu[1]);
}

static _Noreturn void usage(void) {
    fputs("usage: parallel [--quick] [--reps N]\n"
          "  --quick    a tenth of the work (a smoke test, not a result)\n"
          "  --reps N   runs per configuration (default 7)\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv) {
    plan p = {.hot_pairs = 20000000,
              .random_rounds = 200,
              .churn_batches = 2000,
              .live_collections = 20,
              .garbage_rounds = 10,
              .reps = 7};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick")) {
            p.hot_pairs /= 10;
            p.random_rounds /= 10;
            p.churn_batches /= 10;
            p.live_collections /= 10;
            p.garbage_rounds = 1;
            p.reps = 3;
        } else if (!strcmp(argv[i], "--reps") && i + 1 < argc) {
            p.reps = atoi(argv[++i]);
        } else {
            usage();
        }
    }
    if (p.reps < 1)
        usage();
    uint64_t state = 0x9E3779B97F4A7C15u;
    shuffle(random_order, RANDOM_N, &state);
    shuffle(churn_order, CHURN_N, &state);
    int cpu[2];
    pick_cpus(cpu);
    int cpu_b[1] = {cpu[1]};
    bench_results res = {0};
    for (int rep = 0; rep < p.reps; rep++) {
        for (int i = 0; i < NWORK; i++) {
            const workload *w = &workloads[i];
            double ops, ns, each[2];
            timed(w, &p, 1, cpu, &ops, each);
            bench_add(&res, w->key, "A1", each[0] / ops);
            timed(w, &p, 1, cpu_b, &ops, each);
            bench_add(&res, w->key, "B1", each[0] / ops);
            ns = timed(w, &p, 2, cpu, &ops, each);
            bench_add(&res, w->key, "2", ns / ops);
            bench_add(&res, w->key, "A2", each[0] / ops);
            bench_add(&res, w->key, "B2", each[1] / ops);
        }
    }
    print_table(&res, &p, cpu);
    bench_results_free(&res);
    return 0;
}
