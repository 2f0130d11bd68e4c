/*
 * runtime.c — the runtime object: configuration, the allocator hook and its
 * accounting (rt->held never exceeds a nonzero heap limit), fatal reports,
 * creation and teardown. Errors are in errors.c.
 *
 * Every byte the runtime holds comes through rc__hook_alloc or
 * rc__hook_arena_alloc, so the heap limit and allocation-failure injection
 * (a hook that refuses the Nth call) see all of them.
 *
 * The core makes a runtime without any object in it (rc__runtime_create);
 * rc_runtime_new, in the types layer (src/types/boot.c), builds the
 * builtin types on it and registers the hooks through which the core
 * reaches them (rc__hooks). rc_runtime_free is the core's: it tears the
 * heap down and calls the hooks' fini on the way.
 */
#include "gcspace.h"

#include <stdlib.h>

/* ====================================================================== */
/* Reports                                                                 */
/* ====================================================================== */

FILE *rc__stream(const rc_runtime *rt) {
    return rt && rt->debug_stream ? rt->debug_stream : stderr;
}

void rc__fatal(const rc_runtime *rt, const char *fmt, ...) {
    FILE *out = rc__stream(rt);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(out, fmt, ap);
    va_end(ap);
    fputc('\n', out);
    fflush(out);
    abort();
}

void rc__assert_fail(const char *cond, const char *file, int line) {
    fprintf(stderr, "rcgc: internal assertion failed: %s (%s:%d)\n", cond, file,
            line);
    fflush(stderr);
    abort();
}

/* ====================================================================== */
/* The allocator hook                                                      */
/* ====================================================================== */

static void *sys_malloc(size_t n, void *ud) {
    (void)ud;
    return malloc(n);
}

static void *sys_realloc(void *p, size_t old, size_t n, void *ud) {
    (void)old;
    (void)ud;
    return realloc(p, n);
}

static void sys_free(void *p, size_t n, void *ud) {
    (void)n;
    (void)ud;
    free(p);
}

static bool within_limit(const rc_runtime *rt, size_t n) {
    return !rt->heap_limit ||
           (rt->held <= rt->heap_limit && n <= rt->heap_limit - rt->held);
}

static void *refused(rc_runtime *rt, size_t n) {
    if (!within_limit(rt, n))
        rc_set_error(
            rt, RC_ENOMEM,
            "heap limit of %zu bytes reached (%zu held, %zu more asked)",
            rt->heap_limit, rt->held, n);
    else
        rc_set_error(rt, RC_ENOMEM, "out of memory allocating %zu bytes", n);
    return NULL;
}

static void *try_hook(rc_runtime *rt, size_t n, bool arena) {
    if (!within_limit(rt, n))
        return NULL;
    void *p;
    if (!arena)
        p = rt->alloc.malloc(n, rt->alloc.ud);
    else if (rt->alloc.arena_alloc)
        p = rt->alloc.arena_alloc(n, rt->alloc.ud);
    else if (rt->sys_arenas)
        p = rc__os_arena_alloc(&rt->heap.os_spare, n);
    else
        p = rt->alloc.malloc(n, rt->alloc.ud);
    if (p)
        rt->held += n;
    return p;
}

static void *hook_request(rc_runtime *rt, size_t n, bool arena) {
    void *p = try_hook(rt, n, arena);
    return p ? p : refused(rt, n);
}

void *rc__hook_alloc(rc_runtime *rt, size_t n) {
    return hook_request(rt, n, false);
}

/* Resizes a block from rc__hook_alloc through the hook's realloc; NULL
 * (nothing changed, no error recorded) when there is none, the limit would
 * be passed, or the hook refuses. Never runs a collection. */
void *rc__hook_realloc(rc_runtime *rt, void *p, size_t old, size_t n) {
    if (!rt->alloc.realloc || (n > old && !within_limit(rt, n - old)))
        return NULL;
    void *q = rt->alloc.realloc(p, old, n, rt->alloc.ud);
    if (q)
        rt->held = rt->held - old + n;
    return q;
}

void rc__hook_free(rc_runtime *rt, void *p, size_t n) {
    rt->held -= n;
    rt->alloc.free(p, n, rt->alloc.ud);
}

void *rc__hook_arena_alloc(rc_runtime *rt) {
    return hook_request(rt, RC_ARENA_SIZE, true);
}

void rc__hook_arena_free(rc_runtime *rt, void *p) {
    rt->held -= RC_ARENA_SIZE;
    if (rt->alloc.arena_free)
        rt->alloc.arena_free(p, RC_ARENA_SIZE, rt->alloc.ud);
    else if (rt->sys_arenas)
        rc__os_arena_free(&rt->heap.os_spare, rt->heap.os_halves, p);
    else
        rt->alloc.free(p, RC_ARENA_SIZE, rt->alloc.ud);
}

/* ====================================================================== */
/* Raw memory                                                              */
/* ====================================================================== */

void *rc_realloc(rc_runtime *rt, void *p, size_t old_size, size_t new_size) {
    if (!p)
        return rc_malloc(rt, new_size);
    void *q = rc__mem_resize(rt, p, old_size, new_size);
    if (q)
        return q;
    q = rc_malloc(rt, new_size);
    if (!q)
        return NULL;
    memcpy(q, p, old_size < new_size ? old_size : new_size);
    rc_free(rt, p, old_size);
    return q;
}

/* ====================================================================== */
/* Creation and teardown                                                   */
/* ====================================================================== */

rc_config rc_config_default(void) {
    rc_config c;
    memset(&c, 0, sizeof c);
    c.size = sizeof c;
#ifdef RC_PASSTHROUGH_DEFAULT
    c.passthrough = true;
#endif
    return c;
}

/* Copies the caller's configuration over the defaults; false if unusable.
 * A size of 0 means "this version"; a smaller size, an older version. */
static bool read_config(const rc_config *cfg, rc_config *c) {
    *c = rc_config_default();
    if (!cfg)
        return true;
    if (cfg->size > sizeof *c)
        return false;
    memcpy(c, cfg, cfg->size ? cfg->size : sizeof *c);
    c->size = sizeof *c;
    const rc_allocator *a = &c->allocator;
    return !a->malloc == !a->free && !a->arena_alloc == !a->arena_free;
}

static void no_fini(rc_runtime *rt) {
    (void)rt;
}

static void no_untrack(rc_object *o, bool full) {
    (void)o;
    (void)full;
}

static rc_object *const *no_items(const rc_object *o, size_t *n) {
    (void)o;
    *n = 0;
    return NULL;
}

/* What the core does while no layer has registered hooks: nothing. */
static const rc__hooks no_hooks = {no_fini, no_fini, no_untrack, no_items};

rc_runtime *rc__runtime_create(const rc_config *cfg) {
    rc_config c;
    if (!read_config(cfg, &c))
        return NULL;
    rc_allocator a = c.allocator;
    bool sys = !a.malloc;
    if (sys) {
        a.malloc = sys_malloc;
        a.free = sys_free;
        a.realloc = sys_realloc;
    }
    if (c.heap_limit && c.heap_limit < sizeof(rc_runtime))
        return NULL;
    rc_runtime *rt = a.malloc(sizeof *rt, a.ud);
    if (!rt)
        return NULL;
    memset(rt, 0, sizeof *rt);
    rt->alloc = a;
    rt->sys_arenas = sys && !a.arena_alloc;
    rt->sys_heap = sys;
    rt->passthrough = c.passthrough;
    rt->debug_alloc = c.debug_alloc;
    rt->plain_alloc = !c.passthrough && !c.debug_alloc;
    rt->gc_at_safepoints = c.gc_at_safepoints;
    rt->debug_stream = c.debug_stream;
    rt->heap_limit = c.heap_limit;
    rt->report_alive_at_exit = c.report_alive_at_exit;
    rt->held = sizeof *rt;
    rt->recursion_limit = RC__RECURSION_LIMIT;
    rt->hooks = no_hooks;
    rc__heap_init(rt);
    rc__gcs_init(rt);
    rc__gc_init(rt);
    return rt;
}

void rc__runtime_set_hooks(rc_runtime *rt, const rc__hooks *hooks) {
    rt->hooks = *hooks;
}

void rc__runtime_destroy(rc_runtime *rt) {
    rt->errobj = NULL; /* an error's object goes with the heap */
    rc__heap_free_all(rt);
    rc_allocator a = rt->alloc;
    a.free(rt, sizeof *rt, a.ud);
}

void rc_runtime_free(rc_runtime *rt) {
    if (!rt)
        return;
    rc_clear_error(rt); /* its object may now be collected like any other */
    rc__teardown(rt);
    rc_clear_error(rt);
    rc__gcapi_free(rt);
    rt->hooks.fini(rt);
    rc__heap_free_all(rt);
    rc_allocator a = rt->alloc;
    a.free(rt, sizeof *rt, a.ud);
}

rc_runtime *rc_runtime_of(const rc_object *o) {
    return rc__runtime_of(o);
}

void rc_runtime_set_userdata(rc_runtime *rt, void *userdata) {
    rt->userdata = userdata;
}

void *rc_runtime_userdata(const rc_runtime *rt) {
    return rt->userdata;
}
