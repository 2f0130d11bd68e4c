/*
 * runtime.c — the runtime object: configuration, the allocator hook and its
 * accounting (rt->held never exceeds a nonzero heap limit), errors, fatal
 * reports, creation and teardown.
 *
 * Every byte the runtime holds comes through rc__hook_alloc or
 * rc__hook_arena_alloc, so the heap limit and allocation-failure injection
 * (a hook that refuses the Nth call) see all of them.
 */
#include "gcspace.h"

#include <stdlib.h>

/* ====================================================================== */
/* Errors                                                                  */
/* ====================================================================== */

static const char *const status_names[] = {
    [0] = "success",
    [-RC_ENOMEM] = "out of memory",
    [-RC_EINVAL] = "invalid argument",
    [-RC_ETYPE] = "wrong type",
    [-RC_EINDEX] = "index out of range",
    [-RC_EKEY] = "key not found",
    [-RC_EVALUE] = "invalid value",
    [-RC_EZERODIV] = "division by zero",
    [-RC_EOVERFLOW] = "overflow",
    [-RC_EHASH] = "unhashable object",
    [-RC_ESTATE] = "not allowed in the current state",
};

const char *rc_strerror(int status) {
    size_t n = sizeof status_names / sizeof status_names[0];
    if (status > 0 || (size_t)-status >= n)
        return "unknown status";
    return status_names[-status];
}

int rc_set_error(rc_runtime *rt, rc_status status, const char *fmt, ...) {
    rt->err = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rt->errmsg, sizeof rt->errmsg, fmt, ap);
    va_end(ap);
    return status;
}

rc_status rc_last_error(const rc_runtime *rt) {
    return rt->err;
}

const char *rc_last_error_message(const rc_runtime *rt) {
    return rt->errmsg;
}

void rc_clear_error(rc_runtime *rt) {
    rt->err = RC_OK;
    rt->errmsg[0] = '\0';
}

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

/* ---------------------------------------------------------------------- */
/* Errors nobody can receive                                               */
/* ---------------------------------------------------------------------- */

static void print_unraisable(rc_runtime *rt, const rc_unraisable *u) {
    FILE *out = rc__stream(rt);
    if (u->object)
        fprintf(out, "Exception ignored in: %s of <%s object at %p>\n",
                u->context, u->object->type->name, (void *)u->object);
    else
        fprintf(out, "Exception ignored in: %s\n", u->context);
    fprintf(out, "rcgc: %s: %s\n", rc_strerror(u->status), u->message);
}

void rc_set_unraisable_hook(rc_runtime *rt, rc_unraisable_hook hook,
                            void *arg) {
    rt->unraisable = hook;
    rt->unraisable_arg = arg;
}

void rc_write_unraisable(rc_runtime *rt, rc_status status, const char *context,
                         rc_object *object, const char *message) {
    rc_unraisable u = {status, message ? message : "", context ? context : "?",
                       object};
    if (rt->unraisable)
        rt->unraisable(rt, &u, rt->unraisable_arg);
    else
        print_unraisable(rt, &u);
}

void rc__guard_enter(rc_runtime *rt, rc__guard *g) {
    g->err = rt->err;
    if (g->err != RC_OK)
        memcpy(g->msg, rt->errmsg, sizeof g->msg);
    rc_clear_error(rt);
}

void rc__guard_leave(rc_runtime *rt, rc__guard *g, const char *context,
                     rc_object *o) {
    if (rt->err != RC_OK) {
        rc__guard left;
        rc__guard_enter(rt, &left);
        rc_write_unraisable(rt, left.err, context, o, left.msg);
    }
    rc__guard_restore(rt, g);
}

void rc__guard_restore(rc_runtime *rt, const rc__guard *g) {
    rt->err = g->err;
    if (g->err != RC_OK)
        memcpy(rt->errmsg, g->msg, sizeof g->msg);
    else
        rt->errmsg[0] = '\0';
}

void rc__call_finalizer(rc_runtime *rt, rc_object *o) {
    rc__guard g;
    rc__guard_enter(rt, &g);
    o->type->finalize(o);
    rc__guard_leave(rt, &g, "finalizer", o);
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
        rc__os_arena_free(p, RC_ARENA_SIZE);
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

rc_runtime *rc_runtime_new(const rc_config *cfg) {
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
    rc__heap_init(rt);
    rc__gcs_init(rt);
    rc__gc_init(rt);
    if (rc__types_init(rt) != 0) {
        rc__heap_free_all(rt);
        a.free(rt, sizeof *rt, a.ud);
        return NULL;
    }
    rt->gc.count[0] = 0; /* the runtime's own objects are not counted */
    return rt;
}

void rc_runtime_free(rc_runtime *rt) {
    if (!rt)
        return;
    rc__teardown(rt);
    rc__gcapi_free(rt);
    rc__types_fini(rt);
    rc__heap_free_all(rt);
    rc_allocator a = rt->alloc;
    a.free(rt, sizeof *rt, a.ud);
}

rc_runtime *rc_runtime_of(const rc_object *o) {
    return rc__runtime_of(o);
}
