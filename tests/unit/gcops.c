/*
 * gcops.c — the operation language, its reachability model and the checks
 * of gcops.h. Built into the test support library (and into the fuzz
 * harness); uses only the public API of rcgc.
 *
 * The model keeps, for every node ever created, a mirror of its slots and
 * the number of references the mutator, other nodes and gc.garbage hold to
 * it. Every change is made to the mirror first and to the heap second, so
 * when the library calls back (finalize, clear, dealloc, gc callbacks) the
 * model already describes the heap exactly; the callbacks check that the
 * library acts only on what the model says it may. Code that holds an
 * `mnode *` must not keep it across a call into the library: callbacks may
 * create nodes and move the node array.
 *
 * Generations: each node's generation is modelled (new and re-tracked
 * nodes in 0; survivors of a collection of g in min(g + 1, 2); objects
 * found unreachable that survive — resurrected or left by clear — in 2,
 * uncollectable ones in the target), so that for a collection started at
 * top level the model knows the candidates and can compute exactly what
 * must be found unreachable. When it cannot know (a nested collection, or
 * allocation failures), the node's generation becomes UNKNOWN and the
 * exact checks wait for the next full collection.
 */
#include "gcops.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ====================================================================== */
/* Nodes: the objects                                                      */
/* ====================================================================== */

typedef struct gslot {
    rc_object *to; /* strong reference, or NULL */
    uint32_t mult; /* references held to `to` (traverse visits it so often) */
    uint32_t pad_;
} gslot;

typedef struct gnode {
    rc_object ob;
    gcops *m;        /* the model that made it */
    uint32_t id;     /* its index in the model */
    uint32_t nslots; /* 0 until initialised: traverse sees nothing */
    gslot slot[];
} gnode;

#define SMALL_SLOTS 4
#define SMALL_SIZE  (sizeof(gnode) + SMALL_SLOTS * sizeof(gslot))

/* A GK_FIELDS node: gnode's header, then its references as plain fields
 * that the library reads itself (a slot's multiplicity is at most 1). The
 * first field holds the node's tracer, a non-GC object that nothing else
 * holds: the library drops it with the node's other fields, before them
 * (it sets every field to NULL first, then drops them in order), and its
 * dealloc tells the model (fields_dropped). */
typedef struct fgnode {
    rc_object ob;
    gcops *m;
    uint32_t id;
    uint32_t nslots;
    rc_object *ref[1 + SMALL_SLOTS]; /* ref[0]: tracer; ref[1 + i]: slot i */
} fgnode;

typedef struct tracer {
    rc_object ob;
    gcops *m;    /* NULL until it is given to a node */
    uint32_t id; /* the node */
} tracer;

_Static_assert(offsetof(fgnode, m) == offsetof(gnode, m) &&
                   offsetof(fgnode, id) == offsetof(gnode, id) &&
                   offsetof(fgnode, nslots) == offsetof(gnode, nslots),
               "a fields node starts as a gnode");

static void tracer_dealloc(rc_object *self);

static const rc_type tracer_type = {
    .name = "tracer",
    .basicsize = sizeof(tracer),
    .dealloc = tracer_dealloc,
};
#define BIG_SIZE 640 /* > RC_SMALL_MAX: the allocator's large path */
#define MAX_WIDE 4096

_Static_assert(SMALL_SIZE <= RC_SMALL_MAX, "small nodes fit the pools");
_Static_assert(BIG_SIZE > RC_SMALL_MAX && BIG_SIZE >= SMALL_SIZE,
               "big nodes take the large path");

static int node_traverse(rc_object *self, rc_visitproc visit, void *arg);
static int node_clear(rc_object *self);
static void node_finalize(rc_object *self);
static void node_dealloc(rc_object *self);

#define NODE_TYPE(nm, size, item, fl, fin)                                     \
    {                                                                          \
        .name = nm, .basicsize = size, .itemsize = item,                       \
        .flags = RC_TYPE_GC | (fl), .traverse = node_traverse,                 \
        .clear = node_clear, .finalize = fin, .dealloc = node_dealloc          \
    }

static const rc_type kind_type[GK_NKINDS] = {
    [GK_PLAIN] = NODE_TYPE("plain", SMALL_SIZE, 0, 0, NULL),
    [GK_FIN] = NODE_TYPE("fin", SMALL_SIZE, 0, 0, node_finalize),
    [GK_LEGACY] = NODE_TYPE("legacy", SMALL_SIZE, 0, RC_TYPE_LEGACY_FINALIZER,
                            node_finalize),
    [GK_BIG] = NODE_TYPE("big", BIG_SIZE, 0, 0, NULL),
    [GK_BIGFIN] = NODE_TYPE("bigfin", BIG_SIZE, 0, 0, node_finalize),
    [GK_WIDE] = NODE_TYPE("wide", sizeof(gnode), sizeof(gslot), 0, NULL),
    [GK_WIDEFIN] =
        NODE_TYPE("widefin", sizeof(gnode), sizeof(gslot), 0, node_finalize),
    [GK_FIELDS] = {.name = "fields",
                   .basicsize = sizeof(fgnode),
                   .flags = RC_TYPE_GC,
                   .refs_at = offsetof(fgnode, ref),
                   .nrefs = 1 + SMALL_SLOTS},
};

static bool kind_has_fin(int kind) {
    return kind_type[kind].finalize != NULL;
}

static bool kind_is_wide(int kind) {
    return kind == GK_WIDE || kind == GK_WIDEFIN;
}

/* ====================================================================== */
/* The model                                                               */
/* ====================================================================== */

enum { ST_ALIVE, ST_DYING, ST_DEAD };
enum { GEN_NONE = 0xFF, GEN_UNKNOWN = 0xFE };

typedef struct mslot {
    uint32_t to;   /* node id, or GCOPS_NONE */
    uint32_t mult; /* references (0 when empty) */
} mslot;

typedef struct mnode {
    gnode *obj;   /* the object until it is deallocated */
    mslot *slots; /* mirror of obj->slot */
    uint32_t nslots;
    uint32_t alive_pos; /* index in gcops.alive while not dead */
    size_t refs;        /* references the model counts: holds + links */
    size_t holds;       /* of them: roots, resurrected, garbage, extra */
    size_t extra;       /* of them: direct holds of the mutator */
    uint32_t born;      /* serial of the collection it was made in, or 0 */
    uint32_t retracked; /* serial of a collection it was tracked during */
    uint8_t kind, state, gen, finalized;
    uint8_t fin, param; /* finalizer behaviour */
    bool tracked;       /* as the mutator and the library made it */
    bool busy;          /* its finalizer is running */
    bool may_clear;     /* found unreachable once: its weakrefs may go */
} mnode;

/* A weak reference the mutator holds, and what the model knows of it.
 * Weakrefs without a callback are shared: two slots may hold the same
 * object, which then counts once as a candidate. */
typedef struct mwref {
    rc_object *w;    /* the weakref object (a held reference), or NULL */
    bool has_cb;     /* made with a callback (never shared) */
    uint32_t target; /* node id */
    uint8_t gen;     /* its generation (it is tracked, always reachable) */
    uint8_t cand;    /* a candidate of the running collection */
    bool cleared;    /* seen to yield NULL */
    bool cleared_at_start; /* cleared before the running collection */
    unsigned calls;        /* callback calls */
} mwref;

struct gcops {
    gcops_options opt;
    rc_runtime *rt;
    mnode *nodes; /* every node ever made, by id */
    uint32_t nnodes, cap;
    uint32_t *alive; /* ids of nodes not yet dead */
    uint32_t nalive;
    uint32_t roots[GCOPS_ROOTS];
    mwref wrefs[GCOPS_WREFS];
    uint32_t *res; /* the resurrected list: owned references */
    size_t nres, rescap;
    uint32_t *garbage; /* mirror of gc.garbage */
    size_t ngarbage, garbcap;
    /* the running collection (valid from its start to its stop) */
    bool collecting, top, exact, irregular;
    int gen;
    uint32_t serial;       /* collections started so far */
    uint32_t start_nnodes; /* nodes that existed at its start */
    size_t start_garbage;  /* gc.garbage length at its start */
    uint8_t *cand;         /* candidate (in a collected generation) */
    uint8_t *r0;           /* reachable when it started */
    uint8_t *uncoll;       /* must become uncollectable (when exact) */
    size_t ncand, expected_uncoll;
    ptrdiff_t expected, last_expected, last_found;
    ptrdiff_t nres_step9; /* members resurrected, counted when the first
                             clear shows step 9 is over; -1 before */
    unsigned cb_depth;    /* type callbacks running */
    bool phantom;         /* a fields node's references are being dropped by the
                             library after the model dropped them: counts may be
                             above the model's until the operation returns */
    /* reach from the holders the collector must respect (clear check) */
    uint8_t *hreach;
    bool hvalid;
    uint8_t *mark;   /* scratch */
    uint32_t *stack; /* scratch for reach */
    bool check_heap; /* a collection ran since the last heap check */
    gcops_stats stats;
};

/* ====================================================================== */
/* Reports                                                                 */
/* ====================================================================== */

static void violation(gcops *m, uint32_t id, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void violation(gcops *m, uint32_t id, const char *fmt, ...) {
    char msg[1024];
    int n = snprintf(msg, sizeof msg,
                     "gcops%s%s, op %zu: ", m->opt.label ? " " : "",
                     m->opt.label ? m->opt.label : "", m->stats.ops);
    va_list ap;
    va_start(ap, fmt);
    n += vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    va_end(ap);
    if (id != GCOPS_NONE && id < m->nnodes && (size_t)n < sizeof msg) {
        const mnode *x = &m->nodes[id];
        snprintf(msg + n, sizeof msg - (size_t)n,
                 " [node %u %s state %d refs %zu holds %zu count %zu gen %d "
                 "tracked %d finalized %d fin %d/%d born %u; collection %u "
                 "gen %d top %d exact %d]",
                 id, kind_type[x->kind].name, x->state, x->refs, x->holds,
                 x->obj ? rc_refcnt(&x->obj->ob) : 0, x->gen, x->tracked,
                 x->finalized, x->fin, x->param, x->born, m->serial, m->gen,
                 m->top, m->exact);
    }
    if (m->opt.on_violation)
        m->opt.on_violation(msg, m->opt.ud);
    fprintf(stderr, "%s\n", msg);
    fflush(stderr);
    abort();
}

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "gcops: out of memory for the model\n");
        abort();
    }
    return q;
}

/* ====================================================================== */
/* Node records                                                            */
/* ====================================================================== */

static void grow(gcops *m) {
    uint32_t cap = m->cap ? m->cap * 2 : 256, old = m->cap;
    m->nodes = xrealloc(m->nodes, cap * sizeof *m->nodes);
    m->alive = xrealloc(m->alive, cap * sizeof *m->alive);
    m->stack = xrealloc(m->stack, cap * sizeof *m->stack);
    uint8_t **maps[] = {&m->cand, &m->r0, &m->uncoll, &m->hreach, &m->mark};
    for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++) {
        *maps[i] = xrealloc(*maps[i], cap);
        memset(*maps[i] + old, 0, cap - old);
    }
    m->cap = cap;
}

/* The id of a node the library hands back, checked to be one of ours. */
static uint32_t node_id(gcops *m, const rc_object *o) {
    const gnode *g = (const gnode *)o;
    uint32_t id = g->id;
    if (g->m != m || id >= m->nnodes || m->nodes[id].obj != g)
        violation(m, GCOPS_NONE, "the library passed %p, not a live node", o);
    return id;
}

static rc_object *obj_of(const gcops *m, uint32_t id) {
    return id == GCOPS_NONE ? NULL : &m->nodes[id].obj->ob;
}

static void alive_add(gcops *m, uint32_t id) {
    m->nodes[id].alive_pos = m->nalive;
    m->alive[m->nalive++] = id;
}

static void alive_remove(gcops *m, uint32_t id) {
    uint32_t pos = m->nodes[id].alive_pos, last = m->alive[--m->nalive];
    m->alive[pos] = last;
    m->nodes[last].alive_pos = pos;
}

/* ====================================================================== */
/* Reachability                                                            */
/* ====================================================================== */

/* Marks in out everything reachable from id through the mirror. */
static void reach_extend(gcops *m, uint32_t id, uint8_t *out) {
    if (out[id])
        return;
    size_t sp = 0;
    out[id] = 1;
    m->stack[sp++] = id;
    while (sp) {
        const mnode *n = &m->nodes[m->stack[--sp]];
        for (uint32_t i = 0; i < n->nslots; i++) {
            uint32_t t = n->slots[i].to;
            if (t != GCOPS_NONE && !out[t]) {
                out[t] = 1;
                m->stack[sp++] = t;
            }
        }
    }
}

typedef bool (*holder_fn)(const gcops *m, uint32_t id);

static void reach_from(gcops *m, holder_fn holder, uint8_t *out) {
    memset(out, 0, m->nnodes);
    for (uint32_t i = 0; i < m->nalive; i++)
        if (holder(m, m->alive[i]))
            reach_extend(m, m->alive[i], out);
}

/* Holders whose reach the collector must never clear: the mutator's,
 * gc.garbage's, untracked and legacy nodes, nodes born in this collection.
 * (Dying and finalizing nodes hold too, but are left out: a smaller set
 * only weakens the check.) */
static bool clear_holder(const gcops *m, uint32_t id) {
    const mnode *n = &m->nodes[id];
    return n->state == ST_ALIVE &&
           (n->holds || !n->tracked || n->kind == GK_LEGACY ||
            (m->collecting && n->born == m->serial));
}

/* The clear-check reach, recomputed when a holder or a link out of the
 * reach went away, extended in place when one was added. */
static const uint8_t *holder_reach(gcops *m) {
    if (!m->hvalid) {
        reach_from(m, clear_holder, m->hreach);
        m->hvalid = true;
    }
    return m->hreach;
}

static void holder_changed(gcops *m, uint32_t id, bool was) {
    bool now = clear_holder(m, id);
    if (now && !was && m->hvalid)
        reach_extend(m, id, m->hreach);
    else if (was && !now)
        m->hvalid = false;
}

/* ====================================================================== */
/* Changing references: the mirror first, then the heap                    */
/* ====================================================================== */

static void incref_n(rc_object *o, size_t n) {
    for (size_t i = 0; i < n; i++)
        rc_incref(o);
}

static void decref_n(rc_object *o, size_t n) {
    for (size_t i = 0; i < n; i++)
        rc_decref(o);
}

static void refs_add(gcops *m, uint32_t id, size_t n) {
    m->nodes[id].refs += n;
}

static void refs_sub(gcops *m, uint32_t id, size_t n) {
    mnode *x = &m->nodes[id];
    if (x->refs < n)
        violation(m, id, "model: reference count below zero");
    x->refs -= n;
}

/* A hold (root, resurrected, garbage or extra reference) more or less. */
static void hold_add(gcops *m, uint32_t id, size_t n) {
    bool was = clear_holder(m, id);
    m->nodes[id].holds += n;
    refs_add(m, id, n);
    holder_changed(m, id, was);
}

static void hold_sub(gcops *m, uint32_t id, size_t n) {
    bool was = clear_holder(m, id);
    if (m->nodes[id].holds < n)
        violation(m, id, "model: holds below zero");
    m->nodes[id].holds -= n;
    refs_sub(m, id, n);
    holder_changed(m, id, was);
    if (m->collecting && m->nodes[id].born != m->serial)
        m->irregular = true; /* may leave garbage the collector has passed */
}

/* Drops n of the mutator's direct holds on id. */
static void release(gcops *m, uint32_t id, size_t n) {
    if (m->nodes[id].extra < n)
        violation(m, id, "model: releasing holds the mutator does not have");
    m->nodes[id].extra -= n;
    rc_object *o = obj_of(m, id);
    hold_sub(m, id, n);
    decref_n(o, n);
}

/* from.slot := to (mult references); GCOPS_NONE empties the slot. */
static void link_set(gcops *m, uint32_t from, uint32_t slot, uint32_t to,
                     uint32_t mult) {
    mnode *f = &m->nodes[from];
    mslot old = f->slots[slot];
    if (to == GCOPS_NONE)
        mult = 0;
    else if (f->kind == GK_FIELDS)
        mult = 1; /* a field holds one reference */
    f->slots[slot] = (mslot){to, mult};
    if (to != GCOPS_NONE) {
        refs_add(m, to, mult);
        if (m->hvalid && m->hreach[from])
            reach_extend(m, to, m->hreach);
        if (m->collecting && f->born == m->serial &&
            m->nodes[to].born != m->serial)
            m->irregular = true; /* a new node holds old ones */
    }
    if (old.to != GCOPS_NONE) {
        refs_sub(m, old.to, old.mult);
        if (m->hvalid && m->hreach[from])
            m->hvalid = false;
        if (m->collecting && from < m->start_nnodes && m->r0[from])
            m->irregular = true;
    }
    rc_object *oldp, *newp = obj_of(m, to);
    incref_n(newp, mult);
    if (f->kind == GK_FIELDS) {
        rc_object **field = &((fgnode *)f->obj)->ref[1 + slot];
        oldp = *field;
        *field = newp;
    } else {
        gslot *s = &f->obj->slot[slot];
        oldp = s->to;
        s->to = newp;
        s->mult = mult;
    }
    if (oldp)
        decref_n(oldp, old.mult); /* may run callbacks: f is stale now */
}

static void root_set(gcops *m, unsigned r, uint32_t id) {
    uint32_t old = m->roots[r];
    if (id != GCOPS_NONE)
        hold_add(m, id, 1);
    m->roots[r] = id;
    if (old != GCOPS_NONE)
        hold_sub(m, old, 1);
    rc_xincref(obj_of(m, id));
    rc_xdecref(obj_of(m, old));
}

static void res_push(gcops *m, uint32_t id) {
    if (m->nres == m->rescap) {
        m->rescap = m->rescap ? m->rescap * 2 : 16;
        m->res = xrealloc(m->res, m->rescap * sizeof *m->res);
    }
    m->res[m->nres++] = id;
    hold_add(m, id, 1);
    rc_incref(obj_of(m, id));
    m->stats.resurrected++;
}

/* ====================================================================== */
/* Making nodes                                                            */
/* ====================================================================== */

static rc_object *allocate(gcops *m, int kind, uint32_t nslots,
                           bool untracked) {
    const rc_type *t = &kind_type[kind];
    if (kind_is_wide(kind))
        return untracked ? rc_new_var_untracked(m->rt, t, nslots)
                         : rc_new_var(m->rt, t, nslots);
    return untracked ? rc_new_untracked(m->rt, t) : rc_new(m->rt, t);
}

/* Records a fresh object as node id, held once as an extra hold. */
static void record(gcops *m, uint32_t id, gnode *g, int kind, uint32_t nslots,
                   int fin, unsigned param) {
    mnode *n = &m->nodes[id];
    memset(n, 0, sizeof *n);
    n->obj = g;
    n->slots = xrealloc(NULL, nslots * sizeof *n->slots);
    for (uint32_t i = 0; i < nslots; i++)
        n->slots[i] = (mslot){GCOPS_NONE, 0};
    n->nslots = nslots;
    n->kind = (uint8_t)kind;
    n->state = ST_ALIVE;
    n->gen = 0;
    n->tracked = true;
    n->fin = (uint8_t)fin;
    n->param = (uint8_t)param;
    n->refs = n->holds = n->extra = 1;
    n->born = m->collecting ? m->serial : 0;
    m->stats.born_in_gc += m->collecting;
    alive_add(m, id);
    m->hreach[id] = 0;
    holder_changed(m, id, false);
}

/* An allocation of node_make failed: allowed only while faults are
 * expected, and only as RC_ENOMEM. */
static uint32_t alloc_failed(gcops *m) {
    if (rc_last_error(m->rt) != RC_ENOMEM || !m->opt.faults)
        violation(m, GCOPS_NONE, "allocation failed: %s (%s)",
                  rc_strerror(rc_last_error(m->rt)),
                  rc_last_error_message(m->rt));
    rc_clear_error(m->rt);
    m->stats.alloc_failures++;
    return GCOPS_NONE;
}

static uint32_t node_make(gcops *m, int kind, uint32_t nslots, int fin,
                          unsigned param, bool untracked) {
    if (!kind_is_wide(kind))
        nslots = SMALL_SLOTS;
    else if (nslots < 1 || nslots > MAX_WIDE)
        nslots = nslots < 1 ? 1 : MAX_WIDE;
    rc_object *tr = NULL; /* a fields node's tracer, made first */
    if (kind == GK_FIELDS && !(tr = rc_new(m->rt, &tracer_type)))
        return alloc_failed(m);
    rc_object *o = allocate(m, kind, nslots, untracked);
    if (!o) {
        rc_xdecref(tr); /* given to no node: reports nothing */
        return alloc_failed(m);
    }
    if (m->nnodes == m->cap)
        grow(m);
    uint32_t id = m->nnodes++;
    gnode *g = (gnode *)o;
    g->m = m;
    g->id = id;
    g->nslots = nslots;
    if (tr) {
        ((tracer *)tr)->m = m;
        ((tracer *)tr)->id = id;
        ((fgnode *)o)->ref[0] = tr; /* steals */
    }
    record(m, id, g, kind, nslots, fin, param);
    if (untracked) {
        if (rc_gc_is_tracked(o))
            violation(m, id, "rc_new_untracked made a tracked object");
        rc_gc_track(o);
    }
    if (!rc_gc_is_tracked(o))
        violation(m, id, "a new object of a GC type is not tracked");
    return id;
}

/* ====================================================================== */
/* Tracking                                                                */
/* ====================================================================== */

static void untrack(gcops *m, uint32_t id) {
    mnode *n = &m->nodes[id];
    if (!n->tracked)
        return;
    bool was = clear_holder(m, id);
    n->tracked = false;
    n->gen = GEN_NONE;
    holder_changed(m, id, was);
    if (m->collecting)
        m->irregular = true;
    rc_gc_untrack(&n->obj->ob);
    if (rc_gc_is_tracked(&n->obj->ob))
        violation(m, id, "still tracked after rc_gc_untrack");
}

static void track(gcops *m, uint32_t id) {
    mnode *n = &m->nodes[id];
    if (n->tracked)
        return;
    bool was = clear_holder(m, id);
    n->tracked = true;
    n->gen = 0;
    if (m->collecting) {
        m->irregular = true;
        n->retracked = m->serial;
    }
    holder_changed(m, id, was);
    rc_gc_track(&n->obj->ob);
    if (!rc_gc_is_tracked(&n->obj->ob))
        violation(m, id, "not tracked after rc_gc_track");
}

/* ====================================================================== */
/* Weak references                                                         */
/* ====================================================================== */

static mwref *wref_of(gcops *m, const rc_object *w) {
    for (int i = 0; i < GCOPS_WREFS; i++)
        if (m->wrefs[i].w == w)
            return &m->wrefs[i];
    violation(m, GCOPS_NONE, "a callback for a weak reference nobody holds");
    return NULL;
}

/* The library calls this once the target is gone or was found unreachable;
 * the weakref must already yield NULL. */
static void on_weakref(rc_object *w, void *arg) {
    gcops *m = arg;
    mwref *r = wref_of(m, w);
    rc_object *o = rc_weakref_get(w);
    if (o)
        violation(m, r->target,
                  "a weakref callback ran before its weakref "
                  "was cleared");
    if (++r->calls > 1)
        violation(m, r->target, "a weakref callback ran twice");
    r->cleared = true;
    m->stats.weakref_callbacks++;
}

static void wref_drop(gcops *m, unsigned i) {
    rc_object *w = m->wrefs[i].w;
    m->wrefs[i] = (mwref){.w = NULL};
    rc_xdecref(w); /* a dead weakref calls nothing */
}

/* The slot other than i holding weakref object w, or NULL. */
static const mwref *wref_sharing(const gcops *m, unsigned i,
                                 const rc_object *w) {
    for (unsigned j = 0; j < GCOPS_WREFS; j++)
        if (j != i && m->wrefs[j].w == w)
            return &m->wrefs[j];
    return NULL;
}

/* Weak reference slot i := a new weakref to target, with a callback or
 * without one (then shared with another slot holding one to the same
 * target). The target is held across the call: the allocation may run a
 * collection whose finalizers drop the root it was found through. */
static void wref_set(gcops *m, unsigned i, uint32_t target, bool cb) {
    wref_drop(m, i);
    if (target == GCOPS_NONE)
        return;
    m->nodes[target].extra++;
    hold_add(m, target, 1);
    rc_incref(obj_of(m, target));
    rc_object *w = cb ? rc_weakref_new(m->rt, obj_of(m, target), on_weakref, m)
                      : rc_weakref_new(m->rt, obj_of(m, target), NULL, NULL);
    if (w) {
        const mwref *other = wref_sharing(m, i, w);
        if (cb && other)
            violation(m, target, "a weakref with a callback was shared");
        m->wrefs[i] = (mwref){.w = w,
                              .has_cb = cb,
                              .target = target,
                              .gen = other ? other->gen : 0,
                              .cleared = other && other->cleared};
        if (!rc_gc_is_tracked(w))
            violation(m, target, "a new weak reference is not tracked");
    } else {
        if (rc_last_error(m->rt) != RC_ENOMEM || !m->opt.faults)
            violation(m, target, "rc_weakref_new failed: %s",
                      rc_last_error_message(m->rt));
        rc_clear_error(m->rt);
        m->stats.alloc_failures++;
    }
    release(m, target, 1);
}

/* A weakref yields its live target, unless a collection found the target
 * unreachable; NULL once it is gone; its callback ran once if cleared. */
static void check_wref(gcops *m, mwref *r) {
    const mnode *t = &m->nodes[r->target];
    bool alive = t->state == ST_ALIVE;
    rc_object *o = rc_weakref_get(r->w);
    if (o && (r->cleared || !alive || o != obj_of(m, r->target)))
        violation(m, r->target,
                  "a weak reference yields %p after its "
                  "target was cleared or died",
                  (void *)o);
    if (o)
        rc_decref(o);
    else
        r->cleared = true;
    if (r->cleared && alive && !t->may_clear)
        violation(m, r->target,
                  "a weak reference to an object no "
                  "collection found unreachable was cleared");
    if (r->calls != (r->has_cb ? (unsigned)r->cleared : 0))
        violation(m, r->target, "a weakref callback ran %u times, cleared %d",
                  r->calls, r->cleared);
    if (!rc_gc_is_tracked(r->w))
        violation(m, r->target, "a weak reference is not tracked");
}

/* ====================================================================== */
/* Type callbacks                                                          */
/* ====================================================================== */

static int node_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    gnode *g = (gnode *)self;
    for (uint32_t i = 0; i < g->nslots; i++) {
        rc_object *to = g->slot[i].to;
        for (uint32_t k = 0; to && k < g->slot[i].mult; k++) {
            int r = visit(to, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static void empty_slots(gcops *m, uint32_t id) {
    m->cb_depth++;
    for (uint32_t i = 0; i < m->nodes[id].nslots; i++)
        if (m->nodes[id].slots[i].to != GCOPS_NONE)
            link_set(m, id, i, GCOPS_NONE, 0);
    m->cb_depth--;
}

/* Clear comes only from the collector (these types have dealloc), only for
 * a candidate that was unreachable at the start, is not uncollectable, was
 * finalized first (PEP 442), and that no holder reaches now. */
static void check_clear(gcops *m, uint32_t id) {
    const mnode *n = &m->nodes[id];
    if (n->state != ST_ALIVE || !m->collecting)
        violation(m, id,
                  "clear called outside a collection or on a dying "
                  "node");
    if (!n->tracked || !rc_gc_is_tracked(&n->obj->ob) ||
        n->retracked == m->serial)
        violation(m, id, "clear called on an object not in the collection");
    if (id >= m->start_nnodes || !m->cand[id])
        violation(m, id, "clear called on an object that was not a candidate");
    if (m->r0[id])
        violation(m, id,
                  "clear called on an object reachable when the "
                  "collection started");
    if (m->exact && m->uncoll[id])
        violation(m, id, "clear called on an uncollectable object");
    if (kind_has_fin(n->kind) && !n->finalized)
        violation(m, id, "clear called before finalize");
    if (holder_reach(m)[id])
        violation(m, id,
                  "clear called on an object reachable from a root, "
                  "gc.garbage, a resurrected, untracked, legacy or new "
                  "object");
}

static ptrdiff_t resurrected(gcops *m);
static void node_died(gcops *m, uint32_t id, void (*empty)(gcops *, uint32_t));

static int node_clear(rc_object *self) {
    gcops *m = ((gnode *)self)->m;
    uint32_t id = node_id(m, self);
    if (m->collecting && m->nres_step9 < 0)
        m->nres_step9 = resurrected(m);
    check_clear(m, id);
    m->stats.cleared++;
    empty_slots(m, id);
    return 0;
}

static void node_dealloc(rc_object *self) {
    gcops *m = ((gnode *)self)->m;
    uint32_t id = node_id(m, self);
    mnode *n = &m->nodes[id];
    if (n->state != ST_ALIVE)
        violation(m, id, "dealloc called twice");
    if (n->refs)
        violation(m, id, "deallocated while the model counts references");
    if (rc_gc_is_tracked(self))
        violation(m, id, "deallocated while tracked");
    if (kind_has_fin(n->kind) && n->finalized != 1)
        violation(m, id,
                  "an object with a finalizer freed after %d finalize "
                  "calls, not exactly one",
                  n->finalized);
    node_died(m, id, empty_slots);
}

/* Node id is dead for the model: its slots are emptied by empty (with
 * the heap, or in the mirror only), then its record is retired. */
static void node_died(gcops *m, uint32_t id, void (*empty)(gcops *, uint32_t)) {
    mnode *n = &m->nodes[id];
    bool was = clear_holder(m, id);
    n->state = ST_DYING;
    n->tracked = false;
    n->gen = GEN_NONE;
    holder_changed(m, id, was);
    empty(m, id);
    n = &m->nodes[id];
    n->state = ST_DEAD;
    n->obj = NULL;
    free(n->slots);
    n->slots = NULL;
    n->nslots = 0;
    alive_remove(m, id);
    m->stats.deallocated++;
}

/* The mirror's slots of id emptied, the heap left alone: for a fields
 * node, whose references the library drops itself. As link_set, but
 * without touching the object. */
static void mirror_empty(gcops *m, uint32_t id) {
    mnode *f = &m->nodes[id];
    for (uint32_t i = 0; i < f->nslots; i++) {
        mslot old = f->slots[i];
        if (old.to == GCOPS_NONE)
            continue;
        f->slots[i] = (mslot){GCOPS_NONE, 0};
        refs_sub(m, old.to, old.mult);
        if (m->hvalid && m->hreach[id])
            m->hvalid = false;
        if (m->collecting && id < m->start_nnodes && m->r0[id])
            m->irregular = true;
    }
}

/* The library dropped the fields of fields node id (its tracer died, the
 * first field): by reference counting when nothing refers to it any more
 * (it is untracked by then), or in a collection, which clears it (or frees
 * it unread) as garbage while it is still tracked; the same checks as a
 * dealloc or a clear of the other kinds. The node's
 * other fields are dropped after this returns, so counts are above the
 * model's until then (m->phantom). */
static void fields_dropped(gcops *m, uint32_t id) {
    mnode *n = &m->nodes[id];
    if (n->state != ST_ALIVE)
        violation(m, id, "a fields node dropped its fields twice");
    if (((fgnode *)n->obj)->ref[0] != NULL)
        violation(m, id, "a field was dropped before all were set to NULL");
    if (rc_gc_is_tracked(&n->obj->ob)) { /* the collector's clear */
        if (m->collecting && m->nres_step9 < 0)
            m->nres_step9 = resurrected(m);
        check_clear(m, id);
        m->stats.cleared++;
        m->stats.fields_collected++;
    } else if (n->refs) { /* a death: untracked first */
        violation(m, id, "deallocated while the model counts references");
    }
    if (!m->collecting)
        m->phantom = true;
    node_died(m, id, mirror_empty);
}

static void tracer_dealloc(rc_object *self) {
    tracer *t = (tracer *)self;
    if (t->m)
        fields_dropped(t->m, t->id);
}

/* A finalizer with references is the collector's: only for a candidate
 * that was unreachable when the collection started and is not
 * uncollectable. Without references it is the refcount path. */
static void check_finalize(gcops *m, uint32_t id) {
    const mnode *n = &m->nodes[id];
    if (n->state != ST_ALIVE)
        violation(m, id, "finalize called on a dying node");
    if (n->finalized > 1)
        violation(m, id, "finalize called a second time");
    if (!rc_gc_is_finalized(&n->obj->ob))
        violation(m, id, "rc_gc_is_finalized is false inside finalize");
    if (!n->refs)
        return;
    if (!m->collecting || id >= m->start_nnodes || !m->cand[id] || m->r0[id])
        violation(m, id,
                  "finalize called on a referenced object that was "
                  "not unreachable garbage of this collection");
    if (n->kind == GK_LEGACY || (m->exact && m->uncoll[id]))
        violation(m, id, "the collector finalized an uncollectable object");
}

static uint32_t child(const gcops *m, uint32_t id, unsigned p) {
    const mnode *n = &m->nodes[id];
    return n->nslots ? n->slots[p % n->nslots].to : GCOPS_NONE;
}

/* A node made by a finalizer: plain or big, never with a finalizer. */
static uint32_t fin_new(gcops *m, unsigned p) {
    static const uint8_t kinds[3] = {GK_PLAIN, GK_BIG, GK_FIELDS};
    return node_make(m, kinds[p % 3], 0, GF_COUNT, 0, false);
}

static void fin_collect(gcops *m, unsigned p) {
    bool inside = m->collecting;
    ptrdiff_t r = rc_gc_collect(m->rt, (int)(p % 3));
    if (inside && r != 0)
        violation(m, GCOPS_NONE,
                  "rc_gc_collect inside a collection "
                  "returned %td, not 0",
                  r);
    if (r < 0)
        violation(m, GCOPS_NONE, "rc_gc_collect failed: %td", r);
    m->stats.nested_collections += !inside;
}

static void fin_new_node(gcops *m, uint32_t id, int fin, unsigned p) {
    uint32_t nid = fin_new(m, p);
    if (nid == GCOPS_NONE)
        return;
    if (fin == GF_NEW_ROOT) {
        uint32_t c = child(m, id, 0);
        if (c != GCOPS_NONE)
            link_set(m, nid, 0, c, 1);
        root_set(m, p % GCOPS_ROOTS, nid);
    } else {
        if (fin == GF_NEW_CYCLE)
            link_set(m, nid, 0, id, 1);
        link_set(m, id, p % m->nodes[id].nslots, nid, 1);
    }
    release(m, nid, 1);
}

static void run_behaviour(gcops *m, uint32_t id, int fin, unsigned p) {
    uint32_t c = child(m, id, p);
    switch (fin) {
    case GF_RES_SELF:
        res_push(m, id);
        break;
    case GF_RES_CHILD:
        if (c != GCOPS_NONE)
            res_push(m, c);
        break;
    case GF_ROOT_SELF:
        root_set(m, p % GCOPS_ROOTS, id);
        break;
    case GF_NEW_LINK:
    case GF_NEW_CYCLE:
    case GF_NEW_ROOT:
        fin_new_node(m, id, fin, p);
        break;
    case GF_COLLECT:
        fin_collect(m, p);
        break;
    case GF_UNTRACK_SELF:
        untrack(m, id);
        break;
    case GF_UNTRACK_CHILD:
        if (c != GCOPS_NONE)
            untrack(m, c);
        break;
    case GF_UNLINK_CHILD:
        if (c != GCOPS_NONE)
            link_set(m, id, p % m->nodes[id].nslots, GCOPS_NONE, 0);
        break;
    default:
        break;
    }
}

static void node_finalize(rc_object *self) {
    gcops *m = ((gnode *)self)->m;
    uint32_t id = node_id(m, self);
    m->nodes[id].finalized++;
    check_finalize(m, id);
    m->stats.finalized++;
    m->nodes[id].busy = true;
    m->cb_depth++;
    if (m->nodes[id].kind != GK_LEGACY)
        run_behaviour(m, id, m->nodes[id].fin, m->nodes[id].param);
    m->cb_depth--;
    m->nodes[id].busy = false;
}

/* ====================================================================== */
/* Collections: what the model expects at the start, checks at the stop    */
/* ====================================================================== */

enum { CAND_NO, CAND_YES, CAND_MAYBE }; /* MAYBE: generation unknown */

/* Holders at the start: anything with a reference from outside the
 * candidates (the mutator, gc.garbage, untracked, dying or finalizing
 * nodes, older generations). All are real, so what they reach really is
 * reachable; a holder the model cannot see only makes this smaller. */
static bool start_holder(const gcops *m, uint32_t id) {
    const mnode *n = &m->nodes[id];
    return n->state == ST_DYING || n->busy || n->holds || !n->tracked ||
           m->cand[id] == CAND_NO;
}

static bool select_candidates(gcops *m, int g) {
    bool unknown = false;
    memset(m->cand, CAND_NO, m->nnodes);
    m->ncand = 0;
    for (uint32_t i = 0; i < m->nalive; i++) {
        uint32_t id = m->alive[i];
        const mnode *n = &m->nodes[id];
        if (n->state != ST_ALIVE || !n->tracked)
            continue;
        if (n->gen == GEN_UNKNOWN)
            unknown = true;
        if (n->gen == GEN_UNKNOWN || n->gen <= g) {
            m->cand[id] = n->gen == GEN_UNKNOWN ? CAND_MAYBE : CAND_YES;
            m->ncand++;
        }
    }
    return unknown;
}

/* What step 6 must move to gc.garbage: unreachable nodes reached from
 * unreachable legacy-finalizer nodes. */
static void expect_uncollectable(gcops *m) {
    memset(m->uncoll, 0, m->nnodes);
    m->expected_uncoll = 0;
    size_t sp = 0;
    for (uint32_t i = 0; i < m->nalive; i++) {
        uint32_t id = m->alive[i];
        if (m->cand[id] && !m->r0[id] && m->nodes[id].kind == GK_LEGACY) {
            m->uncoll[id] = 1;
            m->stack[sp++] = id;
        }
    }
    while (sp) {
        const mnode *n = &m->nodes[m->stack[--sp]];
        m->expected_uncoll++;
        for (uint32_t i = 0; i < n->nslots; i++) {
            uint32_t t = n->slots[i].to;
            if (t != GCOPS_NONE && !m->r0[t] && !m->uncoll[t]) {
                m->uncoll[t] = 1;
                m->stack[sp++] = t;
            }
        }
    }
}

static void coll_start(gcops *m, const rc_gc_info *info) {
    int g = info->generation;
    m->collecting = true;
    m->serial++;
    m->gen = g;
    m->top = m->cb_depth == 0 && !m->phantom;
    m->irregular = false;
    m->start_nnodes = m->nnodes;
    m->start_garbage = m->ngarbage;
    if (rc_gc_garbage_count(m->rt) != m->ngarbage)
        violation(m, GCOPS_NONE, "gc.garbage changed outside a collection");
    bool unknown = select_candidates(m, g);
    for (int i = 0; i < GCOPS_WREFS; i++) {
        mwref *r = &m->wrefs[i];
        r->cand = !r->w                   ? CAND_NO
                  : r->gen == GEN_UNKNOWN ? CAND_MAYBE
                  : r->gen <= g           ? CAND_YES
                                          : CAND_NO;
        unknown |= r->cand == CAND_MAYBE;
        r->cleared_at_start = r->cleared;
        const mwref *other = r->w ? wref_sharing(m, (unsigned)i, r->w) : NULL;
        if (!other || other > r) /* a shared weakref counts once */
            m->ncand += r->cand != CAND_NO;
    }
    m->exact = m->top && !m->opt.faults && !(unknown && g < 2);
    reach_from(m, start_holder, m->r0);
    for (uint32_t i = 0; i < m->nalive; i++)
        if (m->cand[m->alive[i]] && !m->r0[m->alive[i]])
            m->nodes[m->alive[i]].may_clear = true;
    m->expected = 0;
    m->nres_step9 = -1;
    for (uint32_t i = 0; i < m->nalive; i++)
        m->expected += m->cand[m->alive[i]] && !m->r0[m->alive[i]];
    expect_uncollectable(m);
    m->last_expected = m->exact ? m->expected : -1;
    m->hvalid = false;
}

/* Reads the items gc.garbage gained, checks them and counts them as holds;
 * marks them in m->mark. Returns how many. */
static size_t sync_garbage(gcops *m) {
    size_t n = rc_gc_garbage_count(m->rt), old = m->ngarbage;
    if (n < old)
        violation(m, GCOPS_NONE, "gc.garbage shrank during a collection");
    for (size_t i = 0; i < old; i++)
        if (rc_gc_garbage_item(m->rt, i) != obj_of(m, m->garbage[i]))
            violation(m, m->garbage[i], "gc.garbage item %zu changed", i);
    memset(m->mark, 0, m->nnodes);
    for (size_t i = old; i < n; i++) {
        uint32_t id = node_id(m, rc_gc_garbage_item(m->rt, i));
        if (m->mark[id])
            violation(m, id, "listed twice in gc.garbage");
        m->mark[id] = 1;
        if (id >= m->start_nnodes || !m->cand[id] || m->r0[id])
            violation(m, id,
                      "gc.garbage got an object that was reachable or "
                      "not collected");
        if (m->exact && !m->uncoll[id])
            violation(m, id,
                      "gc.garbage got an object no unreachable legacy "
                      "finalizer reaches");
        if (m->ngarbage == m->garbcap) {
            m->garbcap = m->garbcap ? m->garbcap * 2 : 16;
            m->garbage = xrealloc(m->garbage, m->garbcap * sizeof *m->garbage);
        }
        m->garbage[m->ngarbage++] = id;
        hold_add(m, id, 1);
    }
    m->stats.uncollectable += n - old;
    return n - old;
}

static void update_generations(gcops *m, int g) {
    uint8_t target = (uint8_t)(g < 2 ? g + 1 : 2);
    for (int i = 0; i < GCOPS_WREFS; i++) /* weakrefs: always reachable */
        if (m->wrefs[i].w && m->wrefs[i].cand)
            m->wrefs[i].gen =
                m->wrefs[i].cand == CAND_MAYBE && g < 2 ? GEN_UNKNOWN : target;
    for (uint32_t i = 0; i < m->nalive; i++) {
        uint32_t id = m->alive[i];
        mnode *n = &m->nodes[id];
        if (id >= m->start_nnodes || !m->cand[id] || n->state != ST_ALIVE ||
            !n->tracked || n->retracked == m->serial)
            continue;
        if (m->cand[id] == CAND_MAYBE && g < 2)
            n->gen = GEN_UNKNOWN; /* it may not have been a candidate */
        else if (m->r0[id] || m->mark[id])
            n->gen = target; /* survivors and uncollectable objects */
        else
            n->gen = g == 2 || m->exact ? 2 : GEN_UNKNOWN; /* resurrected */
    }
}

/* After a regular full collection nothing is alive that no holder (the
 * mutator, gc.garbage, untracked nodes, nodes made during it) reaches. */
static bool end_holder(const gcops *m, uint32_t id) {
    const mnode *n = &m->nodes[id];
    return n->state == ST_ALIVE &&
           (n->holds || !n->tracked || n->born == m->serial);
}

static void check_nothing_unreachable(gcops *m) {
    reach_from(m, end_holder, m->mark);
    for (uint32_t i = 0; i < m->nalive; i++)
        if (!m->mark[m->alive[i]])
            violation(m, m->alive[i],
                      "unreachable but alive after a full "
                      "collection");
    m->stats.full_exact_checks++;
}

/* Holders when a collection ends: what referred into the unreachable set
 * from outside it once the finalizers had run. */
static bool stop_holder(const gcops *m, uint32_t id) {
    const mnode *n = &m->nodes[id];
    return n->state == ST_ALIVE &&
           (n->holds || !n->tracked || id >= m->start_nnodes || !m->cand[id]);
}

/* Members found unreachable (not uncollectable) that a finalizer or a
 * weakref callback made reachable again: the collector takes them out of
 * the set in step 9 and, as CPython, does not count them as found. A
 * member that untracked itself meanwhile still counts as found (CPython,
 * which unlinks it from its list, would not; Python code cannot untrack). */
static ptrdiff_t resurrected(gcops *m) {
    reach_from(m, stop_holder, m->hreach);
    m->hvalid = false;
    ptrdiff_t n = 0;
    for (uint32_t i = 0; i < m->nalive; i++) {
        uint32_t id = m->alive[i];
        n += id < m->start_nnodes && m->cand[id] && !m->r0[id] &&
             !m->uncoll[id] && m->hreach[id] && m->nodes[id].tracked;
    }
    return n;
}

static void check_found(gcops *m, const rc_gc_info *info, size_t nnew) {
    ptrdiff_t found = (ptrdiff_t)(info->collected + info->uncollectable);
    m->expected -= m->nres_step9 >= 0 ? m->nres_step9 : resurrected(m);
    if (info->candidates < m->ncand)
        violation(m, GCOPS_NONE,
                  "the collection examined %zu objects, the "
                  "model has %zu candidates",
                  info->candidates, m->ncand);
    if (nnew != m->expected_uncoll)
        violation(m, GCOPS_NONE, "gc.garbage got %zu objects, expected %zu",
                  nnew, m->expected_uncoll);
    if (found < m->expected ||
        (info->candidates == m->ncand && found != m->expected))
        violation(m, GCOPS_NONE,
                  "the collection found %td unreachable, "
                  "expected %td",
                  found, m->expected);
    if (info->uncollectable != nnew)
        violation(m, GCOPS_NONE, "%zu uncollectable reported, %zu listed",
                  info->uncollectable, nnew);
    m->stats.exact_collections++;
}

/* Step 7: every weakref to an unreachable object that is not
 * uncollectable is cleared (and its callback ran); the others are not,
 * unless they were before or their target died meanwhile. */
static void check_weakrefs_handled(gcops *m) {
    for (int i = 0; i < GCOPS_WREFS; i++) {
        const mwref *r = &m->wrefs[i];
        uint32_t t = r->target;
        if (!r->w || t >= m->start_nnodes || !m->cand[t])
            continue;
        rc_object *o = rc_weakref_get(r->w);
        rc_xdecref(o);
        if (!m->r0[t] && !m->uncoll[t] && (o || r->calls != r->has_cb))
            violation(m, t,
                      "a weak reference to collected garbage was not "
                      "cleared, or its callback did not run");
        if ((m->r0[t] || m->uncoll[t]) && !o && !r->cleared_at_start &&
            m->nodes[t].state == ST_ALIVE)
            violation(m, t,
                      "a weak reference to a reachable or "
                      "uncollectable object was cleared");
    }
}

static void coll_stop(gcops *m, const rc_gc_info *info) {
    size_t nnew = sync_garbage(m);
    if (m->exact) {
        check_found(m, info, nnew);
        check_weakrefs_handled(m);
    }
    m->last_found = (ptrdiff_t)(info->collected + info->uncollectable);
    update_generations(m, info->generation);
    if (m->top && info->generation == 2 && !m->irregular && !m->opt.faults)
        check_nothing_unreachable(m);
    m->collecting = false;
    m->hvalid = false;
    m->check_heap = true;
    m->stats.collections++;
}

static void on_gc(rc_runtime *rt, rc_gc_phase phase, const rc_gc_info *info,
                  void *arg) {
    gcops *m = arg;
    if (rt != m->rt)
        violation(m, GCOPS_NONE, "gc callback for another runtime");
    if (phase == RC_GC_START) {
        if (m->collecting)
            violation(m, GCOPS_NONE, "a collection started inside another");
        coll_start(m, info);
    } else {
        if (!m->collecting)
            violation(m, GCOPS_NONE, "a collection stopped without a start");
        coll_stop(m, info);
    }
}

/* ====================================================================== */
/* The between-operations check                                            */
/* ====================================================================== */

/* The model's own counts, recomputed from scratch, must match. */
static void check_model(gcops *m) {
    size_t *tally = calloc(m->nnodes ? m->nnodes : 1, sizeof *tally);
    if (!tally)
        abort();
    for (unsigned r = 0; r < GCOPS_ROOTS; r++)
        if (m->roots[r] != GCOPS_NONE)
            tally[m->roots[r]]++;
    for (size_t i = 0; i < m->nres; i++)
        tally[m->res[i]]++;
    for (size_t i = 0; i < m->ngarbage; i++)
        tally[m->garbage[i]]++;
    for (uint32_t i = 0; i < m->nalive; i++) {
        const mnode *n = &m->nodes[m->alive[i]];
        tally[m->alive[i]] += n->extra;
        for (uint32_t k = 0; k < n->nslots; k++)
            if (n->slots[k].to != GCOPS_NONE)
                tally[n->slots[k].to] += n->slots[k].mult;
    }
    for (uint32_t i = 0; i < m->nalive; i++)
        if (tally[m->alive[i]] != m->nodes[m->alive[i]].refs)
            violation(m, m->alive[i], "model: counted %zu references",
                      tally[m->alive[i]]);
    free(tally);
}

/* A live fields node holds its own tracer and what the mirror says. */
static void check_fields(gcops *m, uint32_t id) {
    const mnode *n = &m->nodes[id];
    const fgnode *f = (const fgnode *)n->obj;
    const tracer *t = (const tracer *)f->ref[0];
    if (!t || t->ob.type != &tracer_type || t->m != m || t->id != id ||
        rc_refcnt(&t->ob) != 1)
        violation(m, id, "a fields node lost its tracer");
    for (uint32_t i = 0; i < n->nslots; i++)
        if (f->ref[1 + i] != obj_of(m, n->slots[i].to) || n->slots[i].mult > 1)
            violation(m, id, "field %u was changed behind the model", i);
}

static void check_node(gcops *m, uint32_t id) {
    const mnode *n = &m->nodes[id];
    const gnode *g = n->obj;
    if (n->state != ST_ALIVE)
        violation(m, id, "a node is still dying between operations");
    if (g->m != m || g->id != id || g->nslots != n->nslots ||
        rc_runtime_of(&g->ob) != m->rt)
        violation(m, id, "the object's header or fields were overwritten");
    if (rc_refcnt(&g->ob) != n->refs)
        violation(m, id, "reference count %zu, the model counts %zu",
                  rc_refcnt(&g->ob), n->refs);
    if (rc_gc_is_tracked(&g->ob) != n->tracked)
        violation(m, id, "rc_gc_is_tracked disagrees with the model");
    if (rc_gc_is_finalized(&g->ob) != (n->finalized > 0))
        violation(m, id, "rc_gc_is_finalized disagrees with the model");
    if (n->kind == GK_FIELDS) {
        check_fields(m, id);
        return;
    }
    for (uint32_t i = 0; i < n->nslots; i++)
        if (g->slot[i].to != obj_of(m, n->slots[i].to) ||
            g->slot[i].mult != n->slots[i].mult)
            violation(m, id, "slot %u was changed behind the model", i);
}

void gcops_check(gcops *m) {
    if (m->collecting || m->cb_depth)
        violation(m, GCOPS_NONE, "gcops_check called inside a callback");
    m->phantom = false; /* between operations the library has finished */
    if (rc_gc_garbage_count(m->rt) != m->ngarbage)
        violation(m, GCOPS_NONE, "gc.garbage has %zu items, the model %zu",
                  rc_gc_garbage_count(m->rt), m->ngarbage);
    check_model(m);
    for (uint32_t i = 0; i < m->nalive; i++)
        check_node(m, m->alive[i]);
    for (int i = 0; i < GCOPS_WREFS; i++)
        if (m->wrefs[i].w)
            check_wref(m, &m->wrefs[i]);
    int every = m->opt.heap_check_every > 0 ? m->opt.heap_check_every : 1;
    if (m->check_heap || m->stats.ops % (size_t)every == 0) {
        m->check_heap = false;
        if (rc_heap_check(m->rt) != 0)
            violation(m, GCOPS_NONE, "rc_heap_check: %s",
                      rc_last_error_message(m->rt));
    }
}

/* ====================================================================== */
/* Direct building                                                         */
/* ====================================================================== */

static void need_live(gcops *m, uint32_t id) {
    if (id >= m->nnodes || m->nodes[id].state != ST_ALIVE)
        violation(m, id, "operation on a node that is not alive");
}

uint32_t gcops_node(gcops *m, gcops_kind kind, uint32_t nslots, gcops_fin fin,
                    unsigned param) {
    return node_make(m, (int)kind % GK_NKINDS, nslots, (int)fin % GF_NFIN,
                     param, false);
}

void gcops_hold(gcops *m, uint32_t id, size_t n) {
    need_live(m, id);
    m->nodes[id].extra += n;
    hold_add(m, id, n);
    incref_n(obj_of(m, id), n);
}

void gcops_release(gcops *m, uint32_t id, size_t n) {
    need_live(m, id);
    release(m, id, n);
}

void gcops_link(gcops *m, uint32_t from, uint32_t slot, uint32_t to,
                uint32_t mult) {
    need_live(m, from);
    if (to != GCOPS_NONE)
        need_live(m, to);
    if (slot >= m->nodes[from].nslots)
        violation(m, from, "no slot %u", slot);
    link_set(m, from, slot, to, mult ? mult : 1);
}

void gcops_root(gcops *m, unsigned r, uint32_t id) {
    if (id != GCOPS_NONE)
        need_live(m, id);
    root_set(m, r % GCOPS_ROOTS, id);
}

void gcops_untrack(gcops *m, uint32_t id) {
    need_live(m, id);
    untrack(m, id);
}

void gcops_track(gcops *m, uint32_t id) {
    need_live(m, id);
    track(m, id);
}

void gcops_set_fin(gcops *m, uint32_t id, gcops_fin fin, unsigned param) {
    need_live(m, id);
    m->nodes[id].fin = (uint8_t)(fin % GF_NFIN);
    m->nodes[id].param = (uint8_t)param;
}

void gcops_weakref(gcops *m, unsigned w, uint32_t id) {
    if (id != GCOPS_NONE)
        need_live(m, id);
    wref_set(m, w % GCOPS_WREFS, id, true);
}

bool gcops_weakref_alive(gcops *m, unsigned w) {
    rc_object *r = m->wrefs[w % GCOPS_WREFS].w;
    rc_object *o = r ? rc_weakref_get(r) : NULL;
    rc_xdecref(o);
    return o != NULL;
}

ptrdiff_t gcops_collect(gcops *m, int generation) {
    bool inside = m->collecting;
    uint32_t serial = m->serial;
    if (!inside && !m->cb_depth)
        m->phantom = false; /* no operation of the library is under way */
    ptrdiff_t r = rc_gc_collect(m->rt, generation);
    if (inside) {
        if (r != 0 || m->serial != serial)
            violation(m, GCOPS_NONE, "a collection ran inside another");
        return r;
    }
    if (m->serial != serial + 1)
        violation(m, GCOPS_NONE, "rc_gc_collect ran %u collections",
                  m->serial - serial);
    if (r != m->last_found)
        violation(m, GCOPS_NONE,
                  "rc_gc_collect returned %td, the callback "
                  "saw %td found",
                  r, m->last_found);
    if (!m->cb_depth)
        gcops_check(m);
    return r;
}

void gcops_drop_resurrected(gcops *m) {
    size_t n = m->nres;
    uint32_t *ids = m->res;
    m->res = NULL;
    m->nres = m->rescap = 0;
    for (size_t i = 0; i < n; i++)
        hold_sub(m, ids[i], 1);
    rc_object **objs = xrealloc(NULL, n * sizeof *objs);
    for (size_t i = 0; i < n; i++)
        objs[i] = obj_of(m, ids[i]);
    free(ids);
    for (size_t i = 0; i < n; i++)
        rc_decref(objs[i]);
    free(objs);
}

void gcops_garbage_clear(gcops *m) {
    for (size_t i = 0; i < m->ngarbage; i++)
        hold_sub(m, m->garbage[i], 1);
    m->ngarbage = 0;
    rc_gc_garbage_clear(m->rt);
    if (rc_gc_garbage_count(m->rt) != m->ngarbage)
        violation(m, GCOPS_NONE, "gc.garbage not empty after a clear");
}

/* Empties the slots of every node in gc.garbage (what a Python program does
 * before `del gc.garbage[:]`), then clears the list. */
static void garbage_break(gcops *m) {
    for (size_t i = 0; i < m->ngarbage; i++)
        empty_slots(m, m->garbage[i]);
    gcops_garbage_clear(m);
}

bool gcops_alive(const gcops *m, uint32_t id) {
    return id < m->nnodes && m->nodes[id].state == ST_ALIVE;
}

uint32_t gcops_child(const gcops *m, uint32_t id, uint32_t slot) {
    return gcops_alive(m, id) ? child(m, id, slot) : GCOPS_NONE;
}

void gcops_set_faults(gcops *m, bool faults) {
    m->opt.faults = faults;
}

unsigned gcops_finalized(const gcops *m, uint32_t id) {
    return id < m->nnodes ? m->nodes[id].finalized : 0;
}

rc_object *gcops_object(const gcops *m, uint32_t id) {
    return gcops_alive(m, id) ? obj_of(m, id) : NULL;
}

size_t gcops_nalive(const gcops *m) {
    return m->nalive;
}

size_t gcops_nresurrected(const gcops *m) {
    return m->nres;
}

ptrdiff_t gcops_last_expected(const gcops *m) {
    return m->last_expected;
}

rc_runtime *gcops_runtime(gcops *m) {
    return m->rt;
}

const gcops_stats *gcops_get_stats(const gcops *m) {
    return &m->stats;
}

/* ====================================================================== */
/* The byte language                                                       */
/* ====================================================================== */

enum {
    OP_NEW,      /* a: root, b: kind (bit 7: untracked first), c: fin/param */
    OP_LINK,     /* root a .slot c%n = root b (b bit 7: NULL); mult 1+c>>6 */
    OP_UNLINK,   /* root a .slot c%n = NULL */
    OP_DROP,     /* root a = NULL */
    OP_COPY,     /* root b = root a */
    OP_LOAD,     /* root b = root a .slot c%n */
    OP_COLLECT,  /* rc_gc_collect(a % 3) */
    OP_ADOPT,    /* root a = any live node (b) — even unreachable garbage */
    OP_TRACK,    /* any live node (b): c bit 0 ? track : untrack */
    OP_DROP_RES, /* drop the resurrected list */
    OP_GARBAGE_CLEAR, /* a bit 0: break gc.garbage's cycles first */
    OP_SETFIN,        /* root a: finalizer behaviour c */
    OP_THRESH,        /* threshold preset c % 4; b % 8 == 7: disable */
    OP_SAFEPOINT,     /* rc_gc_safepoint */
    OP_SELF,          /* root a .slot c%n = root a */
    OP_WREF,          /* weakref b%8 := to root a's node (c bit 0: drop;
                         c bit 1: without a callback, shared) */
    OP_N
};

static const size_t presets[4][3] = {
    {10, 3, 3}, {2, 1, 1}, {700, 10, 10}, {0, 10, 10}};

void gcops_header_options(uint8_t header, gcops_options *opt) {
    const size_t *t = presets[(header >> 1) & 3];
    opt->passthrough = header & 1;
    opt->set_threshold = true;
    memcpy(opt->threshold, t, sizeof opt->threshold);
    opt->safepoints = (header >> 3) & 1;
}

static uint32_t any_live(const gcops *m, uint8_t b) {
    return m->nalive ? m->alive[b % m->nalive] : GCOPS_NONE;
}

static void op_new(gcops *m, uint8_t a, uint8_t b, uint8_t c) {
    if (m->nalive >= (m->opt.max_nodes ? m->opt.max_nodes : 256)) {
        gcops_collect(m, 2);
        return;
    }
    int kind = (b & 7) % GK_NKINDS;
    uint32_t nslots = 5 + ((b >> 3) & 15) * 3u;
    uint32_t id =
        node_make(m, kind, nslots, c % GF_NFIN, c / GF_NFIN, (b & 0x80) != 0);
    if (id == GCOPS_NONE)
        return;
    uint32_t parent = m->roots[a % GCOPS_ROOTS];
    if ((a & 0x10) && parent != GCOPS_NONE) /* attach below root a's node */
        link_set(m, parent, (a >> 5) % m->nodes[parent].nslots, id, 1);
    else
        root_set(m, a % GCOPS_ROOTS, id);
    release(m, id, 1);
}

static void op_link(gcops *m, uint32_t from, uint32_t to, uint8_t c) {
    if (from == GCOPS_NONE)
        return;
    link_set(m, from, c % m->nodes[from].nslots, to,
             to == GCOPS_NONE ? 0 : 1u + (c >> 6));
}

static void op_load(gcops *m, uint32_t from, unsigned r, uint8_t c) {
    if (from != GCOPS_NONE)
        root_set(m, r, child(m, from, c));
}

static void op_track(gcops *m, uint32_t id, uint8_t c) {
    if (id == GCOPS_NONE || m->nodes[id].state != ST_ALIVE)
        return;
    if (c & 1)
        track(m, id);
    else
        untrack(m, id);
}

static void op_setfin(gcops *m, uint32_t id, uint8_t c) {
    if (id != GCOPS_NONE)
        gcops_set_fin(m, id, c % GF_NFIN, c / GF_NFIN);
}

static void op_thresh(gcops *m, uint8_t b, uint8_t c) {
    const size_t *t = presets[c % 4];
    rc_gc_set_threshold(m->rt, t[0], t[1], t[2]);
    if (b % 8 == 7)
        rc_gc_disable(m->rt);
    else
        rc_gc_enable(m->rt);
}

static void step(gcops *m, const uint8_t *op) {
    uint8_t a = op[1], b = op[2], c = op[3];
    unsigned ra = a % GCOPS_ROOTS, rb = b % GCOPS_ROOTS;
    uint32_t na = m->roots[ra], nb = (b & 0x80) ? GCOPS_NONE : m->roots[rb];
    switch (op[0] % OP_N) {
    case OP_NEW:
        op_new(m, a, b, c);
        break;
    case OP_LINK:
        op_link(m, na, nb, c);
        break;
    case OP_UNLINK:
        op_link(m, na, GCOPS_NONE, c);
        break;
    case OP_DROP:
        root_set(m, ra, GCOPS_NONE);
        break;
    case OP_COPY:
        root_set(m, rb, na);
        break;
    case OP_LOAD:
        op_load(m, na, rb, c);
        break;
    case OP_COLLECT:
        gcops_collect(m, a % 3);
        break;
    case OP_ADOPT:
        if (m->nalive)
            root_set(m, ra, any_live(m, b));
        break;
    case OP_TRACK:
        op_track(m, any_live(m, b), c);
        break;
    case OP_DROP_RES:
        gcops_drop_resurrected(m);
        break;
    case OP_GARBAGE_CLEAR:
        if (a & 1)
            garbage_break(m);
        else
            gcops_garbage_clear(m);
        break;
    case OP_SETFIN:
        op_setfin(m, na, c);
        break;
    case OP_THRESH:
        op_thresh(m, b, c);
        break;
    case OP_SAFEPOINT:
        rc_gc_safepoint(m->rt);
        break;
    case OP_SELF:
        op_link(m, na, na, c);
        break;
    case OP_WREF:
        wref_set(m, b % GCOPS_WREFS, (c & 1) ? GCOPS_NONE : na, !(c & 2));
        break;
    }
}

void gcops_run(gcops *m, const uint8_t *ops, size_t n) {
    for (size_t i = 0; i < n; i += GCOPS_OP_SIZE) {
        uint8_t op[GCOPS_OP_SIZE] = {0};
        memcpy(op, ops + i, n - i < GCOPS_OP_SIZE ? n - i : GCOPS_OP_SIZE);
        m->stats.ops++;
        step(m, op);
        gcops_check(m);
        m->stats.alive_sum += m->nalive;
        if (m->nalive > m->stats.peak_alive)
            m->stats.peak_alive = m->nalive;
    }
}

/* ====================================================================== */
/* Random programs                                                         */
/* ====================================================================== */

static uint64_t splitmix(uint64_t *s) {
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Picks an index by weight. */
static int pick(uint64_t *s, const uint8_t *w, int n) {
    unsigned total = 0;
    for (int i = 0; i < n; i++)
        total += w[i];
    unsigned r = (unsigned)(splitmix(s) % total);
    for (int i = 0; i < n; i++) {
        if (r < w[i])
            return i;
        r -= w[i];
    }
    return n - 1;
}

/* Two profiles: small graphs that churn, and graphs that grow (fewer
 * drops, more links and loads) to a few hundred nodes. */
static const uint8_t op_weight[2][OP_N] = {
    /* NEW LINK UNLINK DROP COPY LOAD COLLECT ADOPT TRACK DROP_RES
     * GARBAGE_CLEAR SETFIN THRESH SAFEPOINT SELF WREF */
    {18, 26, 6, 12, 5, 8, 6, 2, 2, 4, 1, 3, 1, 2, 4, 3},
    {26, 40, 2, 2, 2, 4, 3, 1, 1, 2, 1, 2, 1, 1, 1, 2},
};
_Static_assert(OP_N == 16, "one weight per operation");

static const uint8_t kind_weight[GK_NKINDS] = {
    /* PLAIN FIN LEGACY BIG BIGFIN WIDE WIDEFIN FIELDS */
    35, 30, 3, 8, 8, 8, 8, 30};

static const uint8_t header_weight[4] = {10, 5, 2, 1};

void gcops_generate(uint64_t seed, size_t nops, uint8_t *out) {
    uint64_t s = seed;
    int preset = pick(&s, header_weight, 4);
    int profile = (int)(splitmix(&s) & 1);
    out[0] = (uint8_t)((splitmix(&s) & 1) | (unsigned)preset << 1 |
                       ((splitmix(&s) % 8 == 0) << 3));
    for (size_t i = 0; i < nops; i++) {
        uint8_t *op = out + 1 + i * GCOPS_OP_SIZE;
        uint64_t r = splitmix(&s);
        op[0] = (uint8_t)pick(&s, op_weight[profile], OP_N);
        op[1] = (uint8_t)r;
        op[2] = (uint8_t)(r >> 8);
        op[3] = (uint8_t)(r >> 16);
        if (op[0] == OP_NEW && profile && (r >> 40) % 4)
            op[1] |= 0x10; /* growing graphs attach most new nodes */
        else if (op[0] == OP_NEW)
            op[1] &= (uint8_t)~0x10;
        if (op[0] == OP_NEW)
            op[2] =
                (uint8_t)((op[2] & 0x78) | pick(&s, kind_weight, GK_NKINDS) |
                          ((r >> 24) % 8 == 0 ? 0x80 : 0));
        if (op[0] == OP_LINK && (r >> 24) % 4)
            op[3] &= 0x3F; /* mostly single references */
        if (op[0] == OP_LINK && (r >> 32) % 8)
            op[2] &= 0x7F; /* mostly to a node */
    }
}

/* ====================================================================== */
/* Creation and teardown                                                   */
/* ====================================================================== */

/* The finalizers here never leave an error behind, so an error reported as
 * theirs comes from the library; tolerated only while allocations fail. */
static void on_unraisable(rc_runtime *rt, const rc_unraisable *u, void *arg) {
    gcops *m = arg;
    (void)rt;
    m->stats.unraisable++;
    if (!m->opt.faults || u->status != RC_ENOMEM)
        violation(m, GCOPS_NONE,
                  "an error was reported as raised by a %s: "
                  "%s: %s",
                  u->context, rc_strerror(u->status), u->message);
}

gcops *gcops_new(const gcops_options *opt) {
    gcops *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->opt = *opt;
    rc_config c = opt->config ? *opt->config : rc_config_default();
    c.passthrough = opt->passthrough;
    c.gc_at_safepoints = opt->safepoints;
    m->rt = rc_runtime_new(&c);
    if (!m->rt || rc_gc_callback_add(m->rt, on_gc, m) != 0) {
        rc_runtime_free(m->rt);
        free(m);
        return NULL;
    }
    rc_set_unraisable_hook(m->rt, on_unraisable, m);
    if (opt->set_threshold)
        rc_gc_set_threshold(m->rt, opt->threshold[0], opt->threshold[1],
                            opt->threshold[2]);
    for (unsigned r = 0; r < GCOPS_ROOTS; r++)
        m->roots[r] = GCOPS_NONE;
    m->last_expected = m->last_found = -1;
    grow(m);
    return m;
}

/* Drops every hold of the mutator and makes every node tracked again. */
static void drop_all_holds(gcops *m) {
    for (unsigned i = 0; i < GCOPS_WREFS; i++)
        wref_drop(m, i);
    for (unsigned r = 0; r < GCOPS_ROOTS; r++)
        root_set(m, r, GCOPS_NONE);
    /* a node with holds cannot die while others are released */
    uint32_t *held = xrealloc(NULL, (m->nalive + 1) * sizeof *held), n = 0;
    for (uint32_t i = 0; i < m->nalive; i++)
        if (m->nodes[m->alive[i]].extra)
            held[n++] = m->alive[i];
    for (uint32_t i = 0; i < n; i++)
        release(m, held[i], m->nodes[held[i]].extra);
    free(held);
    gcops_drop_resurrected(m);
    for (uint32_t i = 0; i < m->nalive; i++)
        track(m, m->alive[i]);
}

void gcops_free(gcops *m) {
    if (!m)
        return;
    rc_gc_enable(m->rt);
    for (int round = 0; round < 16 && m->nalive; round++) {
        drop_all_holds(m);
        gcops_collect(m, 2);
        garbage_break(m);
        gcops_check(m);
    }
    if (m->nalive)
        violation(m, m->alive[0],
                  "%u nodes still alive after dropping "
                  "everything and collecting",
                  m->nalive);
    rc_runtime_free(m->rt);
    for (uint32_t i = 0; i < m->nnodes; i++)
        free(m->nodes[i].slots);
    free(m->nodes);
    free(m->alive);
    free(m->stack);
    free(m->cand);
    free(m->r0);
    free(m->uncoll);
    free(m->hreach);
    free(m->mark);
    free(m->res);
    free(m->garbage);
    free(m);
}
