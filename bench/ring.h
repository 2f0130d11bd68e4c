/*
 * ring.h — the rcgc graph the collector benchmarks share (bench/gc and
 * bench/parallel): a two-link node (`next`, `prev`, 32 bytes with the
 * header) and rings of them. The node comes in two kinds that differ only
 * in how the type tells the collector about the links: as reference fields
 * (rc_type.refs_at/nrefs: the collector reads them itself; the usual way
 * for a C type whose references are fields) or through traverse and clear
 * functions (the way every type with other references must take).
 */
#ifndef RCGC_BENCH_RING_H
#define RCGC_BENCH_RING_H

#include <rcgc.h>

#include <stdbool.h>
#include <stddef.h>

typedef struct bench_node {
    rc_object ob;
    rc_object *next, *prev;
} bench_node;

/* A ring of n nodes linked both ways; returns the only external reference
 * (to the head). Nodes of the traverse-function kind if fn, else of the
 * reference-field kind. Exits the process if memory runs out. */
rc_object *bench_ring_new_kind(rc_runtime *rt, size_t n, bool fn);

/* The same with reference-field nodes. */
rc_object *bench_ring_new(rc_runtime *rt, size_t n);

#endif /* RCGC_BENCH_RING_H */
