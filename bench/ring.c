/*
 * ring.c — rings of two-link nodes for the collector benchmarks (ring.h).
 */
#include "ring.h"

#include <stdio.h>
#include <stdlib.h>

static int node_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    bench_node *n = (bench_node *)self;
    int r = n->next ? visit(n->next, arg) : 0;
    return r ? r : n->prev ? visit(n->prev, arg) : 0;
}

static int node_clear(rc_object *self) {
    bench_node *n = (bench_node *)self;
    rc_object *next = n->next, *prev = n->prev;
    n->next = n->prev = NULL;
    rc_xdecref(next);
    rc_xdecref(prev);
    return 0;
}

static const rc_type node_type_fn = {
    .name = "node",
    .basicsize = sizeof(bench_node),
    .flags = RC_TYPE_GC,
    .traverse = node_traverse,
    .clear = node_clear,
};

static const rc_type node_type_fields = {
    .name = "node",
    .basicsize = sizeof(bench_node),
    .flags = RC_TYPE_GC,
    .refs_at = offsetof(bench_node, next),
    .nrefs = 2,
};

static bench_node *node_new(rc_runtime *rt, const rc_type *type) {
    bench_node *x = (bench_node *)rc_new(rt, type);
    if (!x) {
        fputs("bench: rc_new failed\n", stderr);
        exit(1);
    }
    return x;
}

rc_object *bench_ring_new_kind(rc_runtime *rt, size_t n, bool fn) {
    const rc_type *type = fn ? &node_type_fn : &node_type_fields;
    bench_node *head = node_new(rt, type), *last = head;
    for (size_t i = 1; i < n; i++) {
        bench_node *x = node_new(rt, type);
        last->next = &x->ob; /* takes the reference rc_new gave us */
        rc_incref(&last->ob);
        x->prev = &last->ob;
        last = x;
    }
    rc_incref(&head->ob);
    last->next = &head->ob;
    rc_incref(&last->ob);
    head->prev = &last->ob;
    return &head->ob;
}

rc_object *bench_ring_new(rc_runtime *rt, size_t n) {
    return bench_ring_new_kind(rt, n, false);
}
