/*
 * graph_dot.c — a DOT picture of the neighbourhood of some objects, drawn
 * the way objgraph draws it (show_refs / show_backrefs): breadth first
 * from the starting objects, depth-shaded boxes, at most too_many edges
 * per node plus a "N more references" box, optional filters, highlights,
 * refcounts and labels chosen by the caller.
 *
 * Invariant: every object reached is held (the `nodes` vector owns a
 * reference) from the moment it is discovered until the picture is done,
 * and a node's neighbour list is held while callbacks run over it, so
 * labels, filters and repr may run any code.
 */
#include "graph_int.h"

#include <inttypes.h>
#include <stdio.h>

typedef struct dot_walk {
    rc_runtime *rt;
    const rc_graph_dot_options *opt;
    rc__gtext out;
    rc__gvec nodes;  /* held, in breadth-first order */
    uint32_t *depth; /* per node */
    size_t cap;      /* of depth */
    rc__gmap seen;   /* object -> node index */
    rc__gmap ignore; /* addresses never drawn */
    char buf[RC_GRAPH_LABEL_MAX];
} dot_walk;

rc_graph_dot_options rc_graph_dot_defaults(void) {
    rc_graph_dot_options o;
    memset(&o, 0, sizeof o);
    o.size = sizeof o;
    o.max_depth = 3;
    o.too_many = 10;
    o.scope = RC_GRAPH_TRACKED;
    return o;
}

/* ====================================================================== */
/* Text                                                                   */
/* ====================================================================== */

static void node_id(dot_walk *w, const rc_object *o) {
    rc__gtext_printf(&w->out, "o%" PRIuPTR, (uintptr_t)o);
}

/* DOT's double-quoted string: backslash, quote and newline escaped. */
static void quoted(dot_walk *w, const char *s) {
    const char *run = s;
    for (; *s; s++) {
        const char *esc = *s == '\\'   ? "\\\\"
                          : *s == '"'  ? "\\\""
                          : *s == '\n' ? "\\n"
                                       : NULL;
        if (!esc)
            continue;
        rc__gtext_put(&w->out, run, (size_t)(s - run));
        rc__gtext_puts(&w->out, esc);
        run = s + 1;
    }
    rc__gtext_puts(&w->out, run);
}

/* Interpolates between two HSV colours by depth (objgraph's gradient). */
static void gradient(double v0, double v1, uint32_t depth, int max_depth,
                     double *v) {
    double f = max_depth ? (double)depth / max_depth : 0;
    *v = v0 * (1 - f) + v1 * f;
}

/* ====================================================================== */
/* Nodes                                                                  */
/* ====================================================================== */

static int add_node(dot_walk *w, rc_object *o, uint32_t depth) {
    if (w->nodes.n == w->cap && rc__graph_grow(w->rt, (void **)&w->depth,
                                               &w->cap, sizeof *w->depth) < 0)
        return RC_ENOMEM;
    int r = rc__gmap_put(&w->seen, o, (uint32_t)w->nodes.n);
    if (r < 0)
        return r;
    w->depth[w->nodes.n] = depth;
    return rc__gvec_push(&w->nodes, o);
}

static int default_label(dot_walk *w, rc_object *o, size_t refs) {
    char repr[200];
    rc_graph_short_repr(o, repr, sizeof repr);
    if (w->opt->refcounts)
        snprintf(w->buf, sizeof w->buf, "%s [%zu]\n%s\n%zu bytes",
                 o->type->name, refs, repr, rc_sizeof(o));
    else
        snprintf(w->buf, sizeof w->buf, "%s\n%s\n%zu bytes", o->type->name,
                 repr, rc_sizeof(o));
    return 0;
}

static int write_label(dot_walk *w, rc_object *o) {
    const rc_graph_dot_options *opt = w->opt;
    size_t refs = o->refcnt > 0 ? o->refcnt - 1 : 0; /* less the walker's */
    w->buf[0] = '\0';
    int r = opt->label ? opt->label(o, refs, w->buf, sizeof w->buf, opt->arg)
                       : default_label(w, o, refs);
    if (r < 0)
        return r;
    w->buf[sizeof w->buf - 1] = '\0';
    rc__gtext_puts(&w->out, "  ");
    node_id(w, o);
    rc__gtext_puts(&w->out, "[label=\"");
    quoted(w, w->buf);
    rc__gtext_puts(&w->out, "\"");
    if (opt->node_attrs) {
        w->buf[0] = '\0';
        if ((r = opt->node_attrs(o, w->buf, sizeof w->buf, opt->arg)) < 0)
            return r;
        w->buf[sizeof w->buf - 1] = '\0';
        rc__gtext_puts(&w->out, w->buf);
    }
    rc__gtext_puts(&w->out, "];\n");
    return 0;
}

static void write_finalizer_mark(dot_walk *w, rc_object *o) {
    rc__gtext_puts(&w->out, "  ");
    node_id(w, o);
    rc__gtext_puts(&w->out, "->");
    node_id(w, o);
    rc__gtext_puts(
        &w->out, "_has_a_del[color=red,style=dotted,len=0.25,weight=10];\n  ");
    node_id(w, o);
    rc__gtext_puts(&w->out, "_has_a_del[label=\"__del__\",shape=doublecircle,"
                            "height=0.25,color=red,fillcolor=\"0,.5,1\","
                            "fontsize=6];\n");
}

/* Label, colour and finalizer mark of node i; returns its flags. */
static int write_node(dot_walk *w, size_t i) {
    rc_object *o = w->nodes.items[i];
    const rc_graph_dot_options *opt = w->opt;
    int flags = opt->node_flags     ? opt->node_flags(o, opt->arg)
                : o->type->finalize ? (int)RC_GRAPH_NODE_FINALIZER
                                    : 0;
    int r = flags < 0 ? flags : write_label(w, o);
    if (r < 0)
        return r;
    double h = 0, s = 0, v;
    gradient(1, .3, w->depth[i], opt->max_depth, &v);
    if (flags & RC_GRAPH_NODE_ROOT)
        h = .3, s = 1;
    if (flags & RC_GRAPH_NODE_HIGHLIGHT)
        h = .6, s = .6, v = .5 + v * .5;
    rc__gtext_puts(&w->out, "  ");
    node_id(w, o);
    rc__gtext_printf(&w->out, "[fillcolor=\"%g,%g,%g\"];\n", h, s, v);
    if (v < .5) {
        rc__gtext_puts(&w->out, "  ");
        node_id(w, o);
        rc__gtext_puts(&w->out, "[fontcolor=white];\n");
    }
    if (flags & RC_GRAPH_NODE_FINALIZER)
        write_finalizer_mark(w, o);
    return flags;
}

/* ====================================================================== */
/* Edges                                                                  */
/* ====================================================================== */

static int write_edge(dot_walk *w, rc_object *src, rc_object *dst) {
    const rc_graph_dot_options *opt = w->opt;
    int weight = 0, r;
    w->buf[0] = '\0';
    if (opt->edge_label)
        r = opt->edge_label(src, dst, w->buf, sizeof w->buf, &weight, opt->arg);
    else
        r = rc_graph_link_name(src, dst, w->buf, sizeof w->buf);
    if (r < 0)
        return r;
    w->buf[sizeof w->buf - 1] = '\0';
    rc__gtext_puts(&w->out, "  ");
    node_id(w, src);
    rc__gtext_puts(&w->out, " -> ");
    node_id(w, dst);
    if (w->buf[0]) {
        rc__gtext_puts(&w->out, " [label=\"");
        quoted(w, w->buf);
        rc__gtext_puts(&w->out, "\"");
        if (weight)
            rc__gtext_printf(&w->out, ",weight=%d", weight);
        rc__gtext_puts(&w->out, "]");
    }
    rc__gtext_puts(&w->out, ";\n");
    return 0;
}

static void write_too_many(dot_walk *w, rc_object *o, uint32_t depth,
                           size_t skipped) {
    double v;
    gradient(1, .3, depth + 1, w->opt->max_depth, &v);
    rc__gtext_puts(&w->out, "  ");
    if (w->opt->backrefs) {
        rc__gtext_puts(&w->out, "too_many_");
        node_id(w, o);
        rc__gtext_puts(&w->out, "->");
        node_id(w, o);
    } else {
        node_id(w, o);
        rc__gtext_puts(&w->out, "->too_many_");
        node_id(w, o);
    }
    rc__gtext_puts(&w->out, "[color=red,style=dotted,len=0.25,weight=10];\n"
                            "  too_many_");
    node_id(w, o);
    rc__gtext_printf(&w->out,
                     "[label=\"%zu more %s\",shape=box,height=0.25,"
                     "color=red,fillcolor=\"0,1,%g\",fontsize=6];\n",
                     skipped,
                     w->opt->backrefs ? "backreferences" : "references", v);
    rc__gtext_puts(&w->out, "  too_many_");
    node_id(w, o);
    rc__gtext_puts(&w->out, "[fontcolor=white];\n");
}

/* Draws the edges of node i and queues the neighbours seen first. */
static int expand(dot_walk *w, size_t i, rc__gvec *nb) {
    const rc_graph_dot_options *opt = w->opt;
    rc_object *o = w->nodes.items[i];
    uint32_t depth = w->depth[i];
    size_t drawn = 0, skipped = 0;
    for (size_t k = 0; k < nb->n; k++) {
        rc_object *c = nb->items[k];
        if (rc__gmap_get(&w->ignore, c, NULL))
            continue;
        int keep = opt->filter ? opt->filter(c, opt->arg) : 1;
        if (keep < 0)
            return keep;
        if (!keep)
            continue;
        if ((int)drawn >= opt->too_many) {
            skipped++;
            continue;
        }
        int r = opt->backrefs ? write_edge(w, c, o) : write_edge(w, o, c);
        if (r < 0 || (!rc__gmap_get(&w->seen, c, NULL) &&
                      (r = add_node(w, c, depth + 1)) < 0))
            return r;
        drawn++;
    }
    if (skipped)
        write_too_many(w, o, depth, skipped);
    return 0;
}

static int visit_node(dot_walk *w, size_t i) {
    int flags = write_node(w, i);
    if (flags < 0)
        return flags;
    if ((int)w->depth[i] >= w->opt->max_depth || (flags & RC_GRAPH_NODE_STOP))
        return 0;
    rc_object *o = w->nodes.items[i];
    rc__gvec nb = {.rt = w->rt};
    int r = w->opt->backrefs
                ? rc__graph_referrers_into(w->rt, o, w->opt->scope, &nb)
                : rc__graph_referents_into(w->rt, o, &nb);
    rc__gvec_hold(&nb); /* before any callback runs */
    if (r >= 0)
        r = expand(w, i, &nb);
    rc__gvec_free(&nb);
    return r < 0 ? r : 0;
}

/* ====================================================================== */
/* The picture                                                            */
/* ====================================================================== */

static int check_options(rc_runtime *rt, const rc_graph_dot_options *opt) {
    if (!opt || opt->size != sizeof *opt)
        return rc_set_error(rt, RC_EINVAL,
                            "rc_graph_dot_options of an unknown size: start "
                            "from rc_graph_dot_defaults()");
    if (opt->max_depth < 0 || opt->too_many < 0)
        return rc_set_error(rt, RC_EINVAL,
                            "max_depth and too_many must not be negative");
    if (opt->scope != RC_GRAPH_TRACKED && opt->scope != RC_GRAPH_ALL)
        return rc_set_error(rt, RC_EINVAL, "invalid graph scope %d",
                            (int)opt->scope);
    return 0;
}

static int draw(dot_walk *w, rc_object *const *starts, size_t nstarts) {
    const rc_graph_dot_options *opt = w->opt;
    for (size_t i = 0; i < opt->nignore; i++)
        if (opt->ignore[i] && rc__gmap_put(&w->ignore, opt->ignore[i], 0) < 0)
            return RC_ENOMEM;
    rc__gtext_puts(&w->out,
                   "digraph ObjectGraph {\n"
                   "  node[shape=box, style=filled, fillcolor=white];\n");
    for (size_t i = 0; i < nstarts; i++) {
        rc__gtext_puts(&w->out, "  ");
        node_id(w, starts[i]);
        rc__gtext_puts(&w->out, "[fontcolor=red];\n");
        if (!rc__gmap_get(&w->seen, starts[i], NULL)) {
            int r = add_node(w, starts[i], 0);
            if (r < 0)
                return r;
        }
    }
    for (size_t i = 0; i < w->nodes.n; i++) {
        int r = visit_node(w, i);
        if (r < 0)
            return r;
        if (w->out.status)
            return w->out.status;
    }
    rc__gtext_puts(&w->out, "}\n");
    return 0;
}

ptrdiff_t rc_graph_write_dot(rc_runtime *rt, rc_object *const *starts,
                             size_t nstarts, const rc_graph_dot_options *opt,
                             rc_graph_sink sink, void *arg) {
    if (rc__graph_enter(rt) < 0 || check_options(rt, opt) < 0)
        return rc_last_error(rt);
    dot_walk *w = rc__hook_alloc(rt, sizeof *w);
    if (!w)
        return RC_ENOMEM;
    memset(w, 0, offsetof(dot_walk, buf));
    w->rt = rt;
    w->opt = opt;
    rc__gtext_init(&w->out, rt, sink, arg);
    w->nodes = (rc__gvec){.rt = rt, .held = true};
    w->seen = (rc__gmap){.rt = rt};
    w->ignore = (rc__gmap){.rt = rt};
    int r = draw(w, starts, nstarts);
    int f = r < 0 ? 0 : rc__gtext_finish(&w->out); /* no tail after a
                                                        failure */
    ptrdiff_t result = r < 0 ? r : f < 0 ? f : (ptrdiff_t)w->nodes.n;
    rc__gmap_free(&w->seen);
    rc__gmap_free(&w->ignore);
    if (w->depth)
        rc__hook_free(rt, w->depth, w->cap * sizeof *w->depth);
    rc__gvec_free(&w->nodes);
    rc__hook_free(rt, w, sizeof *w);
    return result;
}
