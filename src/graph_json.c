/*
 * graph_json.c — the whole object graph of a scope as JSON: one node per
 * live object (address, type, size, count, optionally a short repr) and
 * one edge per reference between two of them.
 *
 * Invariant: the objects are collected and held first, so the reprs (which
 * may run code) cannot free a node; edges are read afterwards from each
 * held node's traverse, and only those between nodes are written. Counts
 * are reported less the walker's own reference.
 */
#include "graph_int.h"

#include <inttypes.h>
#include <stdio.h>

typedef struct json_walk {
    rc_runtime *rt;
    rc__gtext out;
    rc__gvec nodes; /* held */
    rc__gmap index; /* object -> node index */
    uint32_t from;  /* the node whose edges are being written */
    size_t nedges;
} json_walk;

static int collect(rc_object *o, void *arg) {
    return rc__gvec_push(arg, o);
}

/* A JSON string: quotes, backslashes and control characters escaped; the
 * text is UTF-8 already. */
static void json_string(rc__gtext *t, const char *s) {
    rc__gtext_put(t, "\"", 1);
    const char *run = s;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        rc__gtext_put(t, run, (size_t)(s - run));
        if (c == '"' || c == '\\')
            rc__gtext_printf(t, "\\%c", c);
        else
            rc__gtext_printf(t, "\\u%04x", c);
        run = s + 1;
    }
    rc__gtext_puts(t, run);
    rc__gtext_put(t, "\"", 1);
}

static void write_node(json_walk *w, rc_object *o, bool first, unsigned flags) {
    rc__gtext *t = &w->out;
    rc__gtext_printf(t, "%s\n  {\"id\": \"0x%" PRIxPTR "\", \"type\": ",
                     first ? "" : ",", (uintptr_t)o);
    json_string(t, o->type->name);
    rc__gtext_printf(t, ", \"size\": %zu", rc_sizeof(o));
    if (!(o->refcnt & RC_IMMORTAL))
        rc__gtext_printf(t, ", \"refcnt\": %zu", (size_t)o->refcnt - 1);
    if (flags & RC_GRAPH_JSON_REPR) {
        char repr[128];
        rc_graph_short_repr(o, repr, sizeof repr);
        rc__gtext_puts(t, ", \"repr\": ");
        json_string(t, repr);
    }
    rc__gtext_puts(t, "}");
}

static int write_edge(rc_object *child, void *arg) {
    json_walk *w = arg;
    uint32_t to;
    if (!child || !rc__gmap_get(&w->index, child, &to))
        return 0;
    const char *sep = w->nedges == 0       ? "\n  "
                      : w->nedges % 8 == 0 ? ",\n  " /* 8 edges a line */
                                           : ", ";
    w->nedges++;
    rc__gtext_printf(&w->out, "%s[%" PRIu32 ", %" PRIu32 "]", sep, w->from, to);
    return w->out.status;
}

static int write_graph(json_walk *w, rc_graph_scope scope, unsigned flags) {
    int r = rc__graph_foreach(w->rt, scope, collect, &w->nodes);
    rc__gvec_hold(&w->nodes); /* before any repr runs */
    for (size_t i = 0; r >= 0 && i < w->nodes.n; i++)
        r = rc__gmap_put(&w->index, w->nodes.items[i], (uint32_t)i);
    if (r < 0)
        return r;
    rc__gtext_puts(&w->out, "{\"nodes\": [");
    for (size_t i = 0; i < w->nodes.n && !w->out.status; i++)
        write_node(w, w->nodes.items[i], i == 0, flags);
    rc__gtext_puts(&w->out, "\n ],\n \"edges\": [");
    for (size_t i = 0; i < w->nodes.n && !w->out.status; i++) {
        rc_object *o = w->nodes.items[i];
        w->from = (uint32_t)i;
        if (rc__graph_traversable(o))
            rc__traverse(w->rt, o, write_edge, w);
    }
    rc__gtext_puts(&w->out, "\n ]}\n");
    return 0;
}

ptrdiff_t rc_graph_write_json(rc_runtime *rt, rc_graph_scope scope,
                              unsigned flags, rc_graph_sink sink, void *arg) {
    if (rc__graph_enter(rt) < 0)
        return rc_last_error(rt);
    if (scope != RC_GRAPH_TRACKED && scope != RC_GRAPH_ALL)
        return rc_set_error(rt, RC_EINVAL, "invalid graph scope %d",
                            (int)scope);
    json_walk w = {.rt = rt, .nodes = {.rt = rt}, .index = {.rt = rt}};
    rc__gtext_init(&w.out, rt, sink, arg);
    int r = write_graph(&w, scope, flags);
    int f = r < 0 ? 0 : rc__gtext_finish(&w.out);
    ptrdiff_t result = r < 0 ? r : f < 0 ? f : (ptrdiff_t)w.nodes.n;
    rc__gmap_free(&w.index);
    rc__gvec_free(&w.nodes);
    return result;
}
