/*
 * common.c — the benchmark harness (common.h has the protocol). It measures
 * nothing itself: clock, medians, starting measuring processes and keeping
 * what they print.
 */
#define _GNU_SOURCE /* sched_setaffinity */
#include "common.h"

#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

uint64_t bench_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_median(const double *v, size_t n) {
    double *t = malloc(n * sizeof *t);
    if (!t)
        abort();
    memcpy(t, v, n * sizeof *t);
    qsort(t, n, sizeof *t, cmp_double);
    double m = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
    free(t);
    return m;
}

/* ====================================================================== */
/* The measuring side                                                      */
/* ====================================================================== */

void bench_emit(const char *key, const char *sys, double value) {
    printf("@ %s %s %.6g\n", key, sys, value);
    fflush(stdout);
}

void bench_note(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("# ", stdout);
    vprintf(fmt, ap);
    fputc('\n', stdout);
    fflush(stdout);
    va_end(ap);
}

/* ====================================================================== */
/* The driver side                                                         */
/* ====================================================================== */

static void *grow(void *p, size_t *cap, size_t elem) {
    size_t ncap = *cap ? *cap * 2 : 16;
    p = realloc(p, ncap * elem);
    if (!p)
        abort();
    *cap = ncap;
    return p;
}

static bench_series *series(bench_results *r, const char *key,
                            const char *sys) {
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->s[i].key, key) && !strcmp(r->s[i].sys, sys))
            return &r->s[i];
    if (r->n == r->cap)
        r->s = grow(r->s, &r->cap, sizeof *r->s);
    bench_series *s = &r->s[r->n++];
    memset(s, 0, sizeof *s);
    snprintf(s->key, sizeof s->key, "%s", key);
    snprintf(s->sys, sizeof s->sys, "%s", sys);
    return s;
}

void bench_add(bench_results *r, const char *key, const char *sys,
               double value) {
    bench_series *s = series(r, key, sys);
    if (s->n == s->cap)
        s->v = grow(s->v, &s->cap, sizeof *s->v);
    s->v[s->n++] = value;
}

/* Notes repeat when a process runs several times: keep the first. */
static void add_note(bench_results *r, const char *text) {
    for (size_t i = 0; i < r->nnotes; i++)
        if (!strcmp(r->notes[i], text))
            return;
    if (r->nnotes == r->capnotes)
        r->notes = grow(r->notes, &r->capnotes, sizeof *r->notes);
    char *copy = strdup(text);
    if (!copy)
        abort();
    r->notes[r->nnotes++] = copy;
}

/* One line from a measuring process. */
static void take_line(bench_results *r, char *line) {
    line[strcspn(line, "\n")] = '\0';
    if (line[0] == '#') {
        add_note(r, line[1] == ' ' ? line + 2 : line + 1);
        return;
    }
    char key[64], sys[32];
    double v;
    if (sscanf(line, "@ %63s %31s %lf", key, sys, &v) == 3)
        bench_add(r, key, sys, v);
    else if (line[0])
        add_note(r, line); /* unexpected output: show it, do not lose it */
}

int bench_run(bench_results *r, const char *cmd) {
    fflush(stdout);
    FILE *p = popen(cmd, "r");
    if (!p) {
        r->failures++;
        return -1;
    }
    char line[1024];
    while (fgets(line, sizeof line, p))
        take_line(r, line);
    int st = pclose(p);
    int code = (st != -1 && WIFEXITED(st)) ? WEXITSTATUS(st) : -1;
    if (code != 0) {
        char msg[1200];
        snprintf(msg, sizeof msg, "FAILED (status %d): %s", code, cmd);
        add_note(r, msg);
        r->failures++;
    }
    return code;
}

bool bench_get(const bench_results *r, const char *key, const char *sys,
               double *out) {
    for (size_t i = 0; i < r->n; i++) {
        const bench_series *s = &r->s[i];
        if (s->n && !strcmp(s->key, key) && !strcmp(s->sys, sys)) {
            *out = bench_median(s->v, s->n);
            return true;
        }
    }
    return false;
}

size_t bench_count(const bench_results *r, const char *key, const char *sys) {
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->s[i].key, key) && !strcmp(r->s[i].sys, sys))
            return r->s[i].n;
    return 0;
}

size_t bench_max_samples(const bench_results *r) {
    size_t m = 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->s[i].n > m)
            m = r->s[i].n;
    return m;
}

static int pin_first_cpu(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return -1;
    for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
        if (!CPU_ISSET(cpu, &set))
            continue;
        CPU_ZERO(&set);
        CPU_SET(cpu, &set);
        return sched_setaffinity(0, sizeof set, &set) == 0 ? cpu : -1;
    }
    return -1;
}

int bench_pin(bench_results *r) {
    const char *no = getenv("BENCH_NO_PIN");
    int cpu = (no && *no && strcmp(no, "0")) ? -1 : pin_first_cpu();
    char msg[160];
    if (cpu >= 0)
        snprintf(msg, sizeof msg,
                 "every process ran on CPU %d (all systems on one core; "
                 "BENCH_NO_PIN=1 lets the scheduler choose)",
                 cpu);
    else
        snprintf(msg, sizeof msg,
                 "processes not pinned: the scheduler "
                 "chose their cores");
    add_note(r, msg);
    return cpu;
}

void bench_print_notes(const bench_results *r) {
    for (size_t i = 0; i < r->nnotes; i++)
        printf("  note: %s\n", r->notes[i]);
}

void bench_results_free(bench_results *r) {
    for (size_t i = 0; i < r->n; i++)
        free(r->s[i].v);
    for (size_t i = 0; i < r->nnotes; i++)
        free(r->notes[i]);
    free(r->s);
    free(r->notes);
    memset(r, 0, sizeof *r);
}

/* ====================================================================== */
/* Where we are                                                            */
/* ====================================================================== */

const char *bench_self_exe(void) {
    static char path[4096];
    if (!path[0]) {
        ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
        path[n > 0 ? n : 0] = '\0';
    }
    return path;
}

const char *bench_self_dir(void) {
    static char dir[4096];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "%s", bench_self_exe());
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = '\0';
        else
            snprintf(dir, sizeof dir, ".");
    }
    return dir;
}
