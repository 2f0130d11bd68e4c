/*
 * gcapi.c — the surface of Python's gc module, one C function per Python
 * function: switches, counts, thresholds, debug flags, gc.garbage,
 * gc.callbacks, statistics, object queries and the permanent generation.
 * The collection itself is in gc.c.
 */
#include "gcspace.h"

/* ====================================================================== */
/* Switches, counts, thresholds, debug flags                              */
/* ====================================================================== */

void rc_gc_enable(rc_runtime *rt) {
    rt->gc.enabled = true;
}

void rc_gc_disable(rc_runtime *rt) {
    rt->gc.enabled = false;
}

bool rc_gc_isenabled(const rc_runtime *rt) {
    return rt->gc.enabled;
}

void rc_gc_get_count(const rc_runtime *rt, size_t count[3]) {
    memcpy(count, rt->gc.count, sizeof rt->gc.count);
}

void rc_gc_get_threshold(const rc_runtime *rt, size_t threshold[3]) {
    memcpy(threshold, rt->gc.threshold, sizeof rt->gc.threshold);
}

void rc_gc_set_threshold(rc_runtime *rt, size_t t0, size_t t1, size_t t2) {
    rt->gc.threshold[0] = t0;
    rt->gc.threshold[1] = t1;
    rt->gc.threshold[2] = t2;
}

void rc_gc_set_debug(rc_runtime *rt, unsigned flags) {
    rt->gc.debug = flags;
}

unsigned rc_gc_get_debug(const rc_runtime *rt) {
    return rt->gc.debug;
}

void rc_gc_get_stats(const rc_runtime *rt, rc_gc_gen_stats stats[3]) {
    memcpy(stats, rt->gc.stats, sizeof rt->gc.stats);
}

/* ====================================================================== */
/* Tracking                                                                */
/* ====================================================================== */

bool rc_gc_is_tracked(const rc_object *o) {
    return o->flags & RC__F_TRACKED;
}

bool rc_gc_is_finalized(const rc_object *o) {
    return o->flags & RC__F_FINALIZED;
}

void rc_gc_track(rc_object *o) {
    if ((o->type->flags & RC_TYPE_GC) && !(o->flags & RC__F_TRACKED))
        rc__gcs_track(rc__runtime_of(o), o);
}

void rc_gc_untrack(rc_object *o) {
    if (o->flags & RC__F_TRACKED)
        rc__gcs_untrack(rc__runtime_of(o), o);
}

/* ====================================================================== */
/* The permanent generation                                                */
/* ====================================================================== */

static bool refuse_during_collection(rc_runtime *rt, const char *what) {
    if (!rt->gc.collecting)
        return false;
    rc_set_error(rt, RC_ESTATE, "%s is not possible while a collection runs",
                 what);
    return true;
}

void rc_gc_freeze(rc_runtime *rt) {
    if (refuse_during_collection(rt, "gc.freeze"))
        return;
    for (int g = 0; g < 3; g++)
        rc__gcs_move_all(rt, g, RC__PERMANENT);
    rt->gc.count[0] = 0;
}

void rc_gc_unfreeze(rc_runtime *rt) {
    if (refuse_during_collection(rt, "gc.unfreeze"))
        return;
    rc__gcs_move_all(rt, RC__PERMANENT, RC__OLDEST);
}

size_t rc_gc_get_freeze_count(const rc_runtime *rt) {
    return rt->gc.gsize[RC__PERMANENT];
}

/* ====================================================================== */
/* gc.garbage                                                              */
/* ====================================================================== */

/* Appends a new reference; if the list cannot grow the object is simply
 * not listed (it stays alive and tracked). */
void rc__gc_garbage_append(rc_runtime *rt, rc_object *o) {
    rc__gcstate *gc = &rt->gc;
    if (gc->ngarbage == gc->garbage_cap) {
        size_t cap = gc->garbage_cap ? gc->garbage_cap * 2 : 8;
        rc_object **g = rc_realloc(rt, gc->garbage, gc->garbage_cap * sizeof *g,
                                   cap * sizeof *g);
        if (!g)
            return;
        gc->garbage = g;
        gc->garbage_cap = cap;
    }
    rc_incref(o);
    gc->garbage[gc->ngarbage++] = o;
}

size_t rc_gc_garbage_count(const rc_runtime *rt) {
    return rt->gc.ngarbage;
}

rc_object *rc_gc_garbage_item(const rc_runtime *rt, size_t i) {
    return i < rt->gc.ngarbage ? rt->gc.garbage[i] : NULL;
}

void rc_gc_garbage_clear(rc_runtime *rt) {
    rc__gcstate *gc = &rt->gc;
    rc_object **items = gc->garbage;
    size_t n = gc->ngarbage, cap = gc->garbage_cap;
    gc->garbage = NULL;
    gc->ngarbage = gc->garbage_cap = 0;
    for (size_t i = 0; i < n; i++)
        rc_decref(items[i]);
    rc_free(rt, items, cap * sizeof *items);
}

/* ====================================================================== */
/* gc.callbacks                                                            */
/* ====================================================================== */

int rc_gc_callback_add(rc_runtime *rt, rc_gc_callback cb, void *arg) {
    rc__gcstate *gc = &rt->gc;
    if (!cb)
        return rc_set_error(rt, RC_EINVAL, "callback is NULL");
    if (gc->ncallbacks == gc->callbacks_cap) {
        size_t cap = gc->callbacks_cap ? gc->callbacks_cap * 2 : 4;
        rc__gc_callback *c = rc_realloc(
            rt, gc->callbacks, gc->callbacks_cap * sizeof *c, cap * sizeof *c);
        if (!c)
            return RC_ENOMEM;
        gc->callbacks = c;
        gc->callbacks_cap = cap;
    }
    gc->callbacks[gc->ncallbacks++] = (rc__gc_callback){cb, arg};
    return 0;
}

int rc_gc_callback_remove(rc_runtime *rt, rc_gc_callback cb, void *arg) {
    rc__gcstate *gc = &rt->gc;
    for (size_t i = 0; i < gc->ncallbacks; i++) {
        if (gc->callbacks[i].cb == cb && gc->callbacks[i].arg == arg) {
            memmove(&gc->callbacks[i], &gc->callbacks[i + 1],
                    (gc->ncallbacks - i - 1) * sizeof gc->callbacks[0]);
            gc->ncallbacks--;
            return 0;
        }
    }
    return rc_set_error(rt, RC_EINVAL, "no such gc callback");
}

/* Runs the callbacks in order; one may remove callbacks (itself included),
 * which the index walk tolerates. An error a callback leaves goes to the
 * unraisable hook, as in CPython. */
void rc__gc_callbacks_run(rc_runtime *rt, rc_gc_phase phase,
                          const rc_gc_info *info) {
    for (size_t i = 0; i < rt->gc.ncallbacks; i++) {
        rc__gc_callback c = rt->gc.callbacks[i];
        rc__guard g;
        rc__guard_enter(rt, &g);
        c.cb(rt, phase, info, c.arg);
        rc__guard_leave(rt, &g, "gc callback", NULL);
        if (i < rt->gc.ncallbacks && (rt->gc.callbacks[i].cb != c.cb ||
                                      rt->gc.callbacks[i].arg != c.arg))
            i--;
    }
}

void rc__gcapi_free(rc_runtime *rt) {
    rc__gcstate *gc = &rt->gc;
    rc_free(rt, gc->callbacks, gc->callbacks_cap * sizeof *gc->callbacks);
    gc->callbacks = NULL;
    gc->ncallbacks = gc->callbacks_cap = 0;
    rc_gc_garbage_clear(rt);
}

/* ====================================================================== */
/* Object queries                                                          */
/* ====================================================================== */

/* A query runs a pass over objects twice: once to count what it emits,
 * once, after the result array is allocated (which may run a collection),
 * to fill it. The array keeps its capacity in a hidden slot before the
 * first item, so release does not depend on how many were filled. */
typedef struct query {
    rc_runtime *rt;
    rc_object **out; /* NULL while counting */
    size_t n, cap;
    int generation;            /* get_objects */
    rc_object *const *targets; /* get_referrers / get_referents */
    size_t ntargets;
    bool hit; /* get_referrers: current object hits */
} query;

typedef void (*query_pass)(rc_runtime *rt, query *q);

static void query_emit(query *q, rc_object *o) {
    if (q->out && q->n < q->cap) {
        rc_incref(o);
        q->out[q->n] = o;
    }
    q->n++;
}

rc_object **rc__result_alloc(rc_runtime *rt, size_t cap) {
    size_t *block = rc_malloc(rt, (cap + 1) * sizeof(rc_object *));
    if (!block)
        return NULL;
    block[0] = cap;
    return (rc_object **)(block + 1);
}

void rc_gc_release_objects(rc_runtime *rt, rc_object **objs, size_t count) {
    if (!objs)
        return;
    for (size_t i = 0; i < count; i++)
        rc_decref(objs[i]);
    size_t *block = (size_t *)objs - 1;
    rc_free(rt, block, (block[0] + 1) * sizeof(rc_object *));
}

static rc_object **run_query(rc_runtime *rt, query_pass pass, query *q,
                             size_t *count) {
    *count = 0;
    for (int attempt = 0; attempt < 4; attempt++) {
        q->out = NULL;
        q->n = 0;
        pass(rt, q);
        if (!q->n)
            return NULL;
        q->cap = q->n;
        if (!(q->out = rc__result_alloc(rt, q->cap)))
            return NULL;
        q->n = 0;
        pass(rt, q);
        *count = q->n < q->cap ? q->n : q->cap;
        if (q->n <= q->cap || attempt == 3)
            break;
        rc_gc_release_objects(rt, q->out, *count);
        *count = 0;
    }
    return q->out;
}

static int emit_object(rc_object *o, void *arg) {
    query_emit(arg, o);
    return 0;
}

static void objects_pass(rc_runtime *rt, query *q) {
    int lo = q->generation < 0 ? 0 : q->generation;
    int hi = q->generation < 0 ? 2 : q->generation;
    for (int g = lo; g <= hi; g++)
        rc__gcs_foreach(rt, g, emit_object, q);
}

rc_object **rc_gc_get_objects(rc_runtime *rt, int generation, size_t *count) {
    *count = 0;
    if (generation < -1 || generation > 2) {
        rc_set_error(rt, RC_EINVAL, "invalid generation %d", generation);
        return NULL;
    }
    query q = {.generation = generation};
    return run_query(rt, objects_pass, &q, count);
}

static int visit_hit(rc_object *child, void *arg) {
    query *q = arg;
    for (size_t i = 0; child && i < q->ntargets; i++)
        if (q->targets[i] == child)
            return q->hit = true;
    return 0;
}

static int emit_if_referrer(rc_object *o, void *arg) {
    query *q = arg;
    q->hit = false;
    rc__traverse(q->rt, o, visit_hit, q);
    if (q->hit)
        query_emit(q, o);
    return 0;
}

static void referrers_pass(rc_runtime *rt, query *q) {
    for (int g = 0; g <= 2; g++)
        rc__gcs_foreach(rt, g, emit_if_referrer, q);
}

rc_object **rc_gc_get_referrers(rc_runtime *rt, rc_object *const *targets,
                                size_t ntargets, size_t *count) {
    query q = {.rt = rt, .targets = targets, .ntargets = ntargets};
    return run_query(rt, referrers_pass, &q, count);
}

static int visit_emit(rc_object *child, void *arg) {
    if (child)
        query_emit(arg, child);
    return 0;
}

/* What an object of a GC type holds, and for every object the owner of
 * its run-time type. */
static void referents_pass(rc_runtime *rt, query *q) {
    for (size_t i = 0; i < q->ntargets; i++) {
        rc_object *o = q->targets[i];
        const rc_type *t = o->type;
        if ((t->flags & RC_TYPE_HEAP) ||
            ((t->flags & RC_TYPE_GC) && rc__has_referents(t)))
            rc__traverse(rt, o, visit_emit, q);
    }
}

rc_object **rc_gc_get_referents(rc_runtime *rt, rc_object *const *objs,
                                size_t nobjs, size_t *count) {
    query q = {.targets = objs, .ntargets = nobjs};
    return run_query(rt, referents_pass, &q, count);
}
