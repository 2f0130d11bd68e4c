/*
 * ring.h — the rcgc graph the collector benchmarks share (bench/gc and
 * bench/parallel): a two-link node (`next`, `prev`, 32 bytes with the
 * header) and rings of them.
 */
#ifndef RCGC_BENCH_RING_H
#define RCGC_BENCH_RING_H

#include <rcgc.h>

#include <stddef.h>

typedef struct bench_node {
    rc_object ob;
    rc_object *next, *prev;
} bench_node;

/* A ring of n nodes linked both ways; returns the only external reference
 * (to the head). Exits the process if memory runs out. */
rc_object *bench_ring_new(rc_runtime *rt, size_t n);

#endif /* RCGC_BENCH_RING_H */
