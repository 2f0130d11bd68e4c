/*
 * graph_chain.c — chains of references: why an object is alive (the
 * shortest chain from a root), chains to an object matching a predicate
 * (objgraph's find_ref_chain / find_backref_chain), and names for links.
 *
 * Roots are found as the collector finds them (DESIGN §6 steps 2-3), but
 * over every live object and without touching the objects' flags: an index
 * of the heap counts, for each object, the references the heap's objects
 * hold to it; an object whose count is larger has references from outside
 * (C variables, an interpreter's stacks): it is a root. The same index,
 * inverted (for each object, its referrers), lets a breadth-first search go
 * back from the target until it meets a root. While the index exists no
 * code but the walker's runs, so its raw pointers stay valid.
 */
#include "graph_int.h"

#include <stdio.h>

#define NONE UINT32_MAX

/* ====================================================================== */
/* The heap index                                                         */
/* ====================================================================== */

typedef struct heap_index {
    rc_runtime *rt;
    rc__gvec objs;  /* every live object (raw pointers) */
    rc__gmap map;   /* object -> its index in objs */
    uint32_t *deg;  /* references the heap's objects hold to each */
    size_t *start;  /* referrers of i: refs[start[i], start[i + 1]) */
    uint32_t *refs; /* referrer indices */
    size_t nrefs;
    uint32_t cur; /* the object being traversed */
} heap_index;

static void *scratch(rc_runtime *rt, size_t n, size_t size) {
    if (n > SIZE_MAX / size) {
        rc_set_error(rt, RC_ENOMEM, "graph index too large");
        return NULL;
    }
    size_t bytes = n * size;
    return rc__hook_alloc(rt, bytes ? bytes : 1);
}

static void scratch_free(rc_runtime *rt, void *p, size_t n, size_t size) {
    size_t bytes = n * size;
    if (p)
        rc__hook_free(rt, p, bytes ? bytes : 1);
}

static int index_object(rc_object *o, void *arg) {
    heap_index *x = arg;
    if (x->objs.n >= NONE)
        return rc_set_error(x->rt, RC_ENOMEM, "too many objects to index");
    int r = rc__gmap_put(&x->map, o, (uint32_t)x->objs.n);
    return r < 0 ? r : rc__gvec_push(&x->objs, o);
}

static int count_ref(rc_object *child, void *arg) {
    heap_index *x = arg;
    uint32_t j;
    if (child && rc__gmap_get(&x->map, child, &j)) {
        x->deg[j]++;
        x->nrefs++;
    }
    return 0;
}

static int fill_ref(rc_object *child, void *arg) {
    heap_index *x = arg;
    uint32_t j;
    if (child && rc__gmap_get(&x->map, child, &j))
        x->refs[x->start[j] + x->deg[j]++] = x->cur;
    return 0;
}

static void traverse_all(heap_index *x, rc_visitproc visit) {
    for (size_t i = 0; i < x->objs.n; i++) {
        rc_object *o = x->objs.items[i];
        x->cur = (uint32_t)i;
        if (rc__graph_traversable(o))
            rc__traverse(x->rt, o, visit, x);
    }
}

static void index_free(heap_index *x) {
    size_t n = x->objs.n;
    scratch_free(x->rt, x->deg, n, sizeof *x->deg);
    scratch_free(x->rt, x->start, n + 1, sizeof *x->start);
    scratch_free(x->rt, x->refs, x->nrefs, sizeof *x->refs);
    rc__gvec_free(&x->objs);
    rc__gmap_free(&x->map);
}

/* Builds the index: objects, in-degrees and the inverted references. */
static int index_build(heap_index *x) {
    int r = rc__graph_foreach(x->rt, RC_GRAPH_ALL, index_object, x);
    if (r < 0)
        return r;
    size_t n = x->objs.n;
    x->deg = scratch(x->rt, n, sizeof *x->deg);
    x->start = x->deg ? scratch(x->rt, n + 1, sizeof *x->start) : NULL;
    if (!x->start)
        return RC_ENOMEM;
    memset(x->deg, 0, n * sizeof *x->deg);
    traverse_all(x, count_ref);
    if (!(x->refs = scratch(x->rt, x->nrefs, sizeof *x->refs)))
        return RC_ENOMEM;
    x->start[0] = 0;
    for (size_t i = 0; i < n; i++) {
        x->start[i + 1] = x->start[i] + x->deg[i];
        x->deg[i] = 0; /* refilled by fill_ref as a cursor */
    }
    traverse_all(x, fill_ref);
    return 0;
}

/* References to object i from outside the heap's objects. */
static size_t external_refs(const heap_index *x, uint32_t i) {
    size_t rc = x->objs.items[i]->refcnt, deg = x->deg[i];
    return rc > deg ? rc - deg : 0;
}

/* ====================================================================== */
/* Why alive                                                              */
/* ====================================================================== */

/* Breadth first from target back over referrers until an object with
 * outside references: its index, or NONE. toward[i] is where i leads. */
static uint32_t search_root(const heap_index *x, uint32_t t, size_t held,
                            uint32_t *toward, uint32_t *queue) {
    size_t ext = external_refs(x, t);
    if (ext > held)
        return t;
    size_t head = 0, tail = 0;
    toward[t] = t;
    queue[tail++] = t;
    while (head < tail) {
        uint32_t i = queue[head++];
        for (size_t k = x->start[i]; k < x->start[i + 1]; k++) {
            uint32_t r = x->refs[k];
            if (toward[r] != NONE)
                continue;
            toward[r] = i;
            if (external_refs(x, r) > 0)
                return r;
            queue[tail++] = r;
        }
    }
    return NONE;
}

static int chain_from(heap_index *x, uint32_t root, uint32_t t,
                      const uint32_t *toward, rc__gvec *out) {
    for (uint32_t i = root;; i = toward[i]) {
        if (rc__gvec_push(out, x->objs.items[i]) < 0)
            return RC_ENOMEM;
        if (i == t)
            return 0;
    }
}

/* Finds the chain into out (raw pointers) with the index alive. */
static int why_search(heap_index *x, rc_object *target, size_t held,
                      rc__gvec *out, rc_graph_chain_info *info) {
    uint32_t t;
    if (!rc__gmap_get(&x->map, target, &t))
        return rc_set_error(x->rt, RC_EINVAL, "the target is not alive");
    size_t n = x->objs.n;
    uint32_t *toward = scratch(x->rt, n, sizeof *toward);
    uint32_t *queue = toward ? scratch(x->rt, n, sizeof *queue) : NULL;
    int r = queue ? 0 : RC_ENOMEM;
    if (!r) {
        memset(toward, 0xFF, n * sizeof *toward);
        uint32_t root = search_root(x, t, held, toward, queue);
        if (root == NONE) {
            info->garbage = true;
        } else {
            size_t ext = external_refs(x, root);
            info->external = root == t ? ext - held : ext;
            r = chain_from(x, root, t, toward, out);
        }
    }
    scratch_free(x->rt, queue, n, sizeof *queue);
    scratch_free(x->rt, toward, n, sizeof *toward);
    return r;
}

rc_object **rc_graph_why_alive(rc_runtime *rt, rc_object *target, size_t held,
                               size_t *count, rc_graph_chain_info *info) {
    rc_graph_chain_info local;
    info = info ? info : &local;
    memset(info, 0, sizeof *info);
    *count = 0;
    if (rc__graph_enter(rt) < 0)
        return NULL;
    heap_index x = {.rt = rt, .objs = {.rt = rt}, .map = {.rt = rt}};
    rc__gvec chain = {.rt = rt};
    int r = index_build(&x);
    if (!r)
        r = why_search(&x, target, held, &chain, info);
    index_free(&x);
    if (r < 0) {
        rc__gvec_free(&chain);
        return NULL;
    }
    return rc__gvec_result(&chain, count);
}

/* ====================================================================== */
/* Chains to a match                                                      */
/* ====================================================================== */

typedef struct chain_step {
    uint32_t parent; /* the node this one was reached from (NONE: start) */
    uint32_t depth;
} chain_step;

typedef struct chain_search {
    rc_runtime *rt;
    bool backwards;
    rc_graph_scope scope;
    rc__gvec nodes;   /* reached objects, held, in breadth-first order */
    chain_step *step; /* per node */
    size_t cap;       /* of step */
    rc__gmap seen;
} chain_search;

static int add_node(chain_search *s, rc_object *o, uint32_t parent,
                    uint32_t depth) {
    if (s->nodes.n == s->cap &&
        rc__graph_grow(s->rt, (void **)&s->step, &s->cap, sizeof *s->step) < 0)
        return RC_ENOMEM;
    int r = rc__gmap_put(&s->seen, o, (uint32_t)s->nodes.n);
    if (r < 0)
        return r;
    s->step[s->nodes.n] = (chain_step){parent, depth};
    return rc__gvec_push(&s->nodes, o);
}

/* Queues the unseen neighbours of node i. The neighbour list is held
 * from the moment it is made, so nothing in it dies while we look. */
static int expand(chain_search *s, uint32_t i, const rc__gmap *ignore) {
    rc_object *o = s->nodes.items[i];
    rc__gvec nb = {.rt = s->rt};
    int r = s->backwards ? rc__graph_referrers_into(s->rt, o, s->scope, &nb)
                         : rc__graph_referents_into(s->rt, o, &nb);
    rc__gvec_hold(&nb);
    for (size_t k = 0; r >= 0 && k < nb.n; k++) {
        rc_object *c = nb.items[k];
        if (rc__gmap_get(ignore, c, NULL) || rc__gmap_get(&s->seen, c, NULL))
            continue;
        r = add_node(s, c, i, s->step[i].depth + 1);
    }
    rc__gvec_free(&nb);
    return r < 0 ? r : 0;
}

static int chain_out(chain_search *s, uint32_t match, rc__gvec *out) {
    size_t len = 0;
    for (uint32_t i = match; i != NONE; i = s->step[i].parent)
        len++;
    for (size_t k = 0; k < len; k++) {
        uint32_t i = match;
        /* backwards: match first; forward: start first */
        size_t steps = s->backwards ? k : len - 1 - k;
        while (steps--)
            i = s->step[i].parent;
        if (rc__gvec_push(out, s->nodes.items[i]) < 0)
            return RC_ENOMEM;
    }
    return 0;
}

static int search_match(chain_search *s, int max_depth, rc_graph_predicate pred,
                        void *arg, const rc__gmap *ignore, rc__gvec *out) {
    for (size_t i = 0; i < s->nodes.n; i++) {
        int m = pred(s->nodes.items[i], arg);
        if (m < 0)
            return m;
        if (m)
            return chain_out(s, (uint32_t)i, out);
        if ((int)s->step[i].depth < max_depth) {
            int r = expand(s, (uint32_t)i, ignore);
            if (r < 0)
                return r;
        }
    }
    return 0;
}

static int ignore_map(rc__gmap *m, const void *const *ignore, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (ignore[i] && rc__gmap_put(m, ignore[i], 0) < 0)
            return RC_ENOMEM;
    return 0;
}

rc_object **rc_graph_find_chain(rc_runtime *rt, rc_object *start,
                                bool backwards, rc_graph_scope scope,
                                int max_depth, rc_graph_predicate pred,
                                void *arg, const void *const *ignore,
                                size_t nignore, size_t *count) {
    *count = 0;
    if (rc__graph_enter(rt) < 0)
        return NULL;
    if (!pred || (scope != RC_GRAPH_TRACKED && scope != RC_GRAPH_ALL)) {
        rc_set_error(rt, RC_EINVAL, "find_chain needs a predicate and a scope");
        return NULL;
    }
    chain_search s = {.rt = rt, .backwards = backwards, .scope = scope};
    s.nodes = (rc__gvec){.rt = rt, .held = true};
    s.seen = (rc__gmap){.rt = rt};
    rc__gmap ign = {.rt = rt};
    rc__gvec out = {.rt = rt};
    int r = ignore_map(&ign, ignore, nignore);
    if (!r)
        r = add_node(&s, start, NONE, 0);
    if (!r)
        r = search_match(&s, max_depth, pred, arg, &ign, &out);
    if (!r)
        rc__gvec_hold(&out); /* before the nodes let go */
    rc__gmap_free(&ign);
    rc__gmap_free(&s.seen);
    if (s.step)
        rc__hook_free(rt, s.step, s.cap * sizeof *s.step);
    rc__gvec_free(&s.nodes);
    if (r < 0) {
        rc__gvec_free(&out);
        return NULL;
    }
    return rc__gvec_result(&out, count);
}

/* ====================================================================== */
/* Names of links                                                         */
/* ====================================================================== */

static int seq_index(rc_object *from, rc_object *to, char *buf, size_t cap) {
    bool list = rc_is_list(from);
    size_t n = list ? rc_list_size(from) : rc_tuple_size(from);
    for (size_t i = 0; i < n; i++) {
        rc_object *item =
            list ? rc_list_get(from, (ptrdiff_t)i) : rc_tuple_get(from, i);
        if (item == to) {
            snprintf(buf, cap, "[%zu]", i);
            return 1;
        }
    }
    return 0;
}

/* Holds the key while its repr runs (repr may change the dict). */
static void key_text(rc_object *key, const char *fmt, char *buf, size_t cap) {
    char r[128];
    rc_incref(key);
    rc_graph_short_repr(key, r, sizeof r);
    rc_decref(key);
    snprintf(buf, cap, fmt, r);
}

static int dict_link(rc_object *from, rc_object *to, char *buf, size_t cap) {
    size_t pos = 0;
    rc_object *k, *v;
    while (rc_dict_next(from, &pos, &k, &v)) {
        if (v == to) {
            key_text(k, "[%s]", buf, cap);
            return 1;
        }
        if (k == to) {
            key_text(k, "key %s", buf, cap);
            return 1;
        }
    }
    return 0;
}

/* By identity: hashing `to` could run code or fail. */
static int set_member(rc_object *from, rc_object *to, char *buf, size_t cap) {
    size_t pos = 0;
    rc_object *k;
    while (rc_set_next(from, &pos, &k))
        if (k == to)
            return snprintf(buf, cap, "member") > 0;
    return 0;
}

int rc_graph_link_name(rc_object *from, rc_object *to, char *buf, size_t cap) {
    if (!cap)
        return 0;
    buf[0] = '\0';
    int r = 0;
    if (rc_is_list(from) || rc_is_tuple(from))
        r = seq_index(from, to, buf, cap);
    else if (rc_is_dict(from))
        r = dict_link(from, to, buf, cap);
    else if (rc_is_set(from) || rc_is_frozenset(from))
        r = set_member(from, to, buf, cap);
    if (!r && (from->type->flags & RC_TYPE_HEAP) && from->type->owner == to)
        r = snprintf(buf, cap, "type") > 0;
    return r;
}
