/*
 * boot.c — making a runtime: the core's runtime (rc__runtime_create), then
 * the builtin types' state on it (None, NotImplemented, small ints, True
 * and False, the empty tuple, interning), and the hooks through which the
 * core reaches this layer without naming it: releasing the state when the
 * runtime is freed, emptying the free lists after a full collection,
 * untracking tuples and dicts, and the item arrays the collector reads.
 *
 * The hooks are registered before the state is built, so that a
 * collection an allocation runs meanwhile finds them; each copes with
 * state that is not (or no longer) there.
 */
#include "cont.h"

static void types_clear_freelists(rc_runtime *rt) {
    if (!rt->types)
        return;
    rc__num_clear_freelists(rt);
    rc__cont_clear_freelists(rt);
}

static void types_fini(rc_runtime *rt) {
    struct rc__types *t = rt->types;
    if (!t)
        return;
    types_clear_freelists(rt);
    rc__cont_fini(rt);
    rc__num_fini(rt);
    rc__str_fini(rt);
    rc_free(rt, t->repr_stack, t->repr_cap * sizeof *t->repr_stack);
    rc_free(rt, t, sizeof *t);
    rt->types = NULL;
}

static const rc__hooks types_hooks = {
    .fini = types_fini,
    .clear_freelists = types_clear_freelists,
    .maybe_untrack = rc__cont_maybe_untrack,
    .items = rc__seq_gc_items,
};

/* 0 or RC_ENOMEM; on failure the caller frees the whole heap. */
static int types_init(rc_runtime *rt) {
    struct rc__types *t = rc_malloc(rt, sizeof *t);
    if (!t)
        return RC_ENOMEM;
    memset(t, 0, sizeof *t);
    rt->types = t;
    int r = rc__singletons_init(rt);
    if (!r)
        r = rc__str_init(rt);
    if (!r)
        r = rc__num_init(rt);
    if (!r)
        r = rc__cont_init(rt);
    return r;
}

rc_runtime *rc_runtime_new(const rc_config *cfg) {
    rc_runtime *rt = rc__runtime_create(cfg);
    if (!rt)
        return NULL;
    rc__runtime_set_hooks(rt, &types_hooks);
    if (types_init(rt) != 0) {
        rc__runtime_destroy(rt);
        return NULL;
    }
    rt->gc.count[0] = 0; /* the runtime's own objects are not counted */
    rc_clear_error(rt);
    return rt;
}
