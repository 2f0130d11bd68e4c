/*
 * common.h — the harness shared by the benchmarks: a clock, medians, and
 * the line protocol between a driver and the processes it measures in.
 *
 * Every system is measured in a process of its own (a fresh heap, and no
 * allocator replacing another's malloc). A measuring process prints one
 * line per repetition on stdout:
 *
 *     @ <key> <system> <value>
 *
 * and notes for the reader as "# <text>". The driver (the benchmark run
 * without --only) starts those processes, gathers every sample under its
 * (key, system), and prints medians and ratios. Nothing here knows what
 * the numbers mean; each benchmark lays out its own table.
 */
#ifndef RCGC_BENCH_COMMON_H
#define RCGC_BENCH_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Keeps the compiler from proving p unused (and deleting the work that
 * produced it) without adding a memory access. */
#define BENCH_ESCAPE(p) __asm__ volatile("" : : "r"(p) : "memory")

/* Forces inlining, so that a workload written once becomes straight-line
 * code for each allocator (no call through a pointer in the timed loop). */
#define BENCH_INLINE static inline __attribute__((always_inline))

/* Monotonic time in nanoseconds. */
uint64_t bench_now_ns(void);

/* Median of n values (n > 0); v is left untouched. */
double bench_median(const double *v, size_t n);

/* A measuring process reports one sample, or a note (printf-style). */
void bench_emit(const char *key, const char *sys, double value);
void bench_note(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* All samples a driver has gathered, and the notes that came with them. */
typedef struct bench_series {
    char key[48];  /* what was measured, e.g. "hot/64" */
    char sys[16];  /* who was measured, e.g. "mimalloc" */
    double *v;     /* the samples */
    size_t n, cap; /* how many, room for how many */
} bench_series;

typedef struct bench_results {
    bench_series *s; /* one per (key, sys) */
    size_t n, cap;
    char **notes; /* "# " lines, in arrival order, without the prefix */
    size_t nnotes, capnotes;
    int failures; /* processes that did not exit with status 0 */
} bench_results;

void bench_add(bench_results *r, const char *key, const char *sys,
               double value);

/* Runs cmd with the shell, adds the samples and notes it prints. Its stderr
 * passes through. Returns its exit status (nonzero counts as a failure). */
int bench_run(bench_results *r, const char *cmd);

/* The median of the samples of (key, sys) in *out; false if none. */
bool bench_get(const bench_results *r, const char *key, const char *sys,
               double *out);

/* Samples behind the median of (key, sys); 0 if none. */
size_t bench_count(const bench_results *r, const char *key, const char *sys);

/* The most samples of any series, for a table header. */
size_t bench_max_samples(const bench_results *r);

/* Pins this process, and so every process it starts, to the first CPU it
 * may run on, so that all systems of a table run on the same core (the
 * cores of a virtual machine may differ in speed by half or more: ratios
 * between processes the scheduler put on different cores mean little).
 * BENCH_NO_PIN=1 in the environment leaves the scheduler to choose.
 * Says which in a note of r. Returns the CPU, or -1 when not pinned. */
int bench_pin(bench_results *r);

void bench_print_notes(const bench_results *r);
void bench_results_free(bench_results *r);

/* The directory holding the running executable ("." if unknown). */
const char *bench_self_dir(void);

/* The running executable itself, to start it again with --only. */
const char *bench_self_exe(void);

#endif /* RCGC_BENCH_COMMON_H */
