/*
 * object.c — creating objects and destroying them when their count reaches
 * zero.
 *
 * Destruction order for an object whose count reached zero:
 *   1. finalize, if the type has one and it has not run (the object is held
 *      at count 1 meanwhile; if the count stays above zero afterwards the
 *      object was resurrected and survives);
 *   2. untrack it; if it is a weakref, take it off its target's list; clear
 *      the weak references to it and run their callbacks;
 *   3. dealloc (or clear), then free the block;
 *   4. for a run-time type (RC_TYPE_HEAP), drop the reference the object
 *      held to the type's owner: only now, so the type outlives the block.
 * Steps 3 and 4 drop the object's children, which may reach zero in turn.
 * Past DEALLOC_DEPTH nested destructions, a dying object is queued instead
 * (linked through its own header, which is dead by then) and destroyed by
 * the outermost destruction loop, so freeing a ten-million-long chain uses
 * constant C stack (CPython's trashcan).
 */
#include "gcspace.h"
#include "internal.h"

#define DEALLOC_DEPTH 50

_Static_assert(offsetof(rc_object, refcnt) == 0 &&
                   offsetof(rc_object, flags) == 4 && sizeof(rc_object) == 16,
               "the pending-queue link overlays refcnt and flags");

/* ====================================================================== */
/* Creation                                                                */
/* ====================================================================== */

/* True if type's reference fields (used only without traverse) do not lie
 * within its basicsize, pointer-aligned, after the header. */
static inline bool bad_fields(const rc_type *type) {
    return !type->traverse && type->nrefs &&
           (type->refs_at < sizeof(rc_object) ||
            type->refs_at % sizeof(rc_object *) ||
            (uint64_t)type->refs_at + (uint64_t)type->nrefs * sizeof(void *) >
                type->basicsize);
}

/* Records why type cannot make objects (RC_EINVAL). */
static RC__NOINLINE void bad_type(rc_runtime *rt, const rc_type *type) {
    if (!type || type->basicsize < sizeof(rc_object))
        rc_set_error(rt, RC_EINVAL, "type %s has a basicsize below %zu",
                     type && type->name ? type->name : "(null)",
                     sizeof(rc_object));
    else if (bad_fields(type))
        rc_set_error(rt, RC_EINVAL,
                     "type %s: its %u reference fields at byte %u do not lie "
                     "within its %zu bytes, pointer-aligned after the header",
                     type->name, (unsigned)type->nrefs, (unsigned)type->refs_at,
                     type->basicsize);
    else
        rc_set_error(rt, RC_EINVAL, "run-time type %s has no owner",
                     type->name);
}

static bool object_size(rc_runtime *rt, const rc_type *type, size_t nitems,
                        size_t *size) {
    if (RC__UNLIKELY(!type || type->basicsize < sizeof(rc_object) ||
                     bad_fields(type))) {
        bad_type(rt, type);
        return false;
    }
    size_t items;
    if (__builtin_mul_overflow(type->itemsize, nitems, &items) ||
        __builtin_add_overflow(type->basicsize, items, size)) {
        rc_set_error(rt, RC_EOVERFLOW, "%zu items of type %s are too many",
                     nitems, type->name);
        return false;
    }
    return true;
}

static inline rc_object *new_plain(rc_runtime *rt, const rc_type *type,
                                   size_t nitems, bool track, bool zero_items) {
    size_t size;
    if (!object_size(rt, type, nitems, &size))
        return NULL;
    bool gc = type->flags & RC_TYPE_GC;
    if (gc)
        rc__gc_alloc_counted(rt);
    rc_object *o = rc__obj_alloc(rt, size, zero_items ? size : type->basicsize,
                                 gc ? RC__KIND_GC : RC__KIND_OBJ);
    if (!o) {
        if (gc)
            rc__gc_free_counted(rt);
        return NULL;
    }
    o->refcnt = 1;
    o->type = type;
    if (gc && track)
        rc__gcs_track(rt, o);
    return o;
}

/* An object of a run-time type holds a reference to the type's owner,
 * taken once the object exists. */
static RC__NOINLINE rc_object *new_owned(rc_runtime *rt, const rc_type *type,
                                         size_t nitems, bool track,
                                         bool zero_items) {
    if (!type->owner) {
        bad_type(rt, type);
        return NULL;
    }
    rc_object *o = new_plain(rt, type, nitems, track, zero_items);
    if (o)
        rc_incref(type->owner);
    return o;
}

static inline rc_object *new_object(rc_runtime *rt, const rc_type *type,
                                    size_t nitems, bool track,
                                    bool zero_items) {
    if (RC__UNLIKELY(type && (type->flags & RC_TYPE_HEAP)))
        return new_owned(rt, type, nitems, track, zero_items);
    return new_plain(rt, type, nitems, track, zero_items);
}

RC__NOINLINE rc_object *rc__new_slow(rc_runtime *rt, const rc_type *type) {
    return new_object(rt, type, 0, true, true);
}

rc_object *rc_new(rc_runtime *rt, const rc_type *type) {
    return rc__obj_new_plain(rt, type); /* the pools' fast path, or
                                           rc__new_slow */
}

rc_object *rc_new_var(rc_runtime *rt, const rc_type *type, size_t nitems) {
    return new_object(rt, type, nitems, true, true);
}

rc_object *rc_new_untracked(rc_runtime *rt, const rc_type *type) {
    return new_object(rt, type, 0, false, true);
}

rc_object *rc_new_var_untracked(rc_runtime *rt, const rc_type *type,
                                size_t nitems) {
    return new_object(rt, type, nitems, false, true);
}

rc_object *rc__new_var_unzeroed(rc_runtime *rt, const rc_type *type,
                                size_t nitems) {
    return new_object(rt, type, nitems, false, false);
}

/* ====================================================================== */
/* Destruction                                                             */
/* ====================================================================== */

/* Every field is set to NULL before any reference is dropped, so the code
 * those deaths run finds the object cleared. */
void rc__clear_fields(rc_object *o, const rc_type *t) {
    rc_object **f = (rc_object **)(void *)((char *)o + t->refs_at);
    uint32_t n = t->nrefs;
    if (n == 2) { /* the common shape (a link each way), without a loop */
        rc_object *a = f[0], *b = f[1];
        f[0] = f[1] = NULL;
        rc_xdecref(a);
        rc_xdecref(b);
        return;
    }
    for (uint32_t i = 0; i < n; i++) {
        rc_object *x = f[i];
        f[i] = NULL;
        rc_xdecref(x);
    }
}

/* Runs the finalizer with the object held at count 1; true if it left the
 * object referenced (resurrected). */
static bool finalize_resurrects(rc_runtime *rt, rc_object *o) {
    o->flags |= RC__F_FINALIZED;
    o->refcnt = 1;
    rc__call_finalizer(rt, o);
    if (o->refcnt & RC_IMMORTAL)
        return true;
    return --o->refcnt != 0;
}

/* Step 3: dealloc or clear, then free the block unless a free list kept
 * it (only the builtin types keep blocks; run-time types never do). */
static inline void release(rc_runtime *rt, rc_object *o, const rc_type *t) {
    if (t->dealloc)
        t->dealloc(o);
    else
        rc__clear(o);
    if (o->flags & RC__F_KEEP) { /* a builtin type kept it on a free list */
        o->flags &= ~RC__F_KEEP;
        return;
    }
    if (t->flags & RC_TYPE_GC)
        rc__gc_free_counted(rt);
    rc__obj_free(rt, o);
}

/* Steps 3 and 4 for an object of a run-time type: t lives in the owner,
 * which the object holds until its block is gone. */
static RC__NOINLINE void release_owned(rc_runtime *rt, rc_object *o) {
    const rc_type *t = o->type;
    rc_object *owner = t->owner;
    release(rt, o, t);
    rc_decref(owner);
}

static inline void destroy(rc_runtime *rt, rc_object *o) {
    const rc_type *t = o->type;
    if (RC__UNLIKELY(t->flags & RC_TYPE_HEAP))
        release_owned(rt, o);
    else
        release(rt, o, t);
}

static void defer(rc_runtime *rt, rc_object *o) {
    uintptr_t link = (uintptr_t)rt->pending | (o->flags & RC__F_LARGE);
    memcpy(o, &link, sizeof link);
    rt->pending = o;
}

static rc_object *undefer(rc_runtime *rt) {
    rc_object *o = rt->pending;
    uintptr_t link;
    memcpy(&link, o, sizeof link);
    rt->pending = (rc_object *)(link & ~(uintptr_t)(RC__ALIGN - 1));
    o->refcnt = 0;
    o->flags = (uint32_t)(link & RC__F_LARGE);
    return o;
}

static void dealloc_drain(rc_runtime *rt) {
    rt->dealloc_depth++;
    while (rt->pending)
        destroy(rt, undefer(rt));
    rt->dealloc_depth--;
}

/* Step 2 for an object that is a weakref or has weakrefs. */
static RC__NOINLINE void weakref_deaths(rc_runtime *rt, rc_object *o) {
    if (o->type == &rc__weakref_type)
        rc__weakref_detach(o);
    if (o->flags & RC__F_WEAKREFD)
        rc__weakref_object_died(rt, o);
}

/* The outermost destruction is over: the queued ones are destroyed, then
 * arenas emptied beyond the allocator's reserve go back in one batch. */
static void dealloc_run_end(rc_runtime *rt) {
    if (rt->pending)
        dealloc_drain(rt);
    if (RC__UNLIKELY(rt->heap.trim_due) && !rt->gc.collecting)
        rc__heap_trim(rt);
}

/* True if o, whose count reached zero, has nothing to do but be freed:
 * a small object without weakrefs, of a builtin type (no owner to drop)
 * without references, finalizer, dealloc or clear (so not a weakref). */
static inline bool just_free(const rc_object *o, const rc_type *t) {
    /* one test for the three hooks and the fields: no branch for each */
    uintptr_t hooks = (uintptr_t)t->finalize | (uintptr_t)t->dealloc |
                      (uintptr_t)t->clear | (uintptr_t)t->nrefs;
    return !(o->flags & (RC__F_LARGE | RC__F_WEAKREFD)) &&
           !(t->flags & (RC_TYPE_GC | RC_TYPE_HEAP)) && !hooks;
}

static RC__NOINLINE void dealloc(rc_object *o, const rc_type *t);

void rc_dealloc_(rc_object *o) {
    const rc_type *t = o->type;
    if (RC__LIKELY(just_free(o, t)))
        rc__obj_free_plain(o); /* the pools' fast path */
    else
        dealloc(o, t);
}

/* Steps 1-3 for an object with more to do than being freed. */
static void dealloc(rc_object *o, const rc_type *t) {
    rc_runtime *rt = rc__runtime_of(o);
    o->refcnt = 0;
    if (RC__UNLIKELY(t->finalize != NULL) && !(o->flags & RC__F_FINALIZED) &&
        finalize_resurrects(rt, o))
        return;
    if (o->flags & RC__F_TRACKED)
        rc__gcs_untrack(rt, o);
    if (RC__UNLIKELY((o->flags & RC__F_WEAKREFD) || t == &rc__weakref_type))
        weakref_deaths(rt, o);
    if (rt->dealloc_depth >= DEALLOC_DEPTH) {
        defer(rt, o);
        return;
    }
    rt->dealloc_depth++;
    destroy(rt, o);
    rt->dealloc_depth--;
    if (rt->dealloc_depth == 0)
        dealloc_run_end(rt);
}

/* ====================================================================== */
/* Misuse reports (debug builds of client code call these)                 */
/* ====================================================================== */

void rc_refcnt_fault_(const rc_object *o, const char *what) {
    const char *name = o->type && o->type->name ? o->type->name : "?";
    if (o->refcnt == RC_FREED_)
        rc__fatal(NULL, "rcgc: %s of a freed object (type '%s' at %p)", what,
                  name, (const void *)o);
    rc__fatal(NULL,
              "rcgc: %s of an object whose count is already zero (type '%s' "
              "at %p): reference count underflow",
              what, name, (const void *)o);
}
