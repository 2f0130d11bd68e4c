/*
 * vm_internal.h — what the execution part's files (vm.c, frame.c, func.c,
 * gen.c, vm_ops.c) share and nobody else uses: the frame stack's
 * operations, frame set-up and release, argument binding, the generator
 * and frame-object layouts, and the loop's entry point.
 *
 * The invariant these files keep together: every reference a frame holds
 * (code, func, globals, builtins, locals, localsplus slots, the value
 * stack) is owned by exactly one owner — the thread's frame stack while it
 * runs or waits for a callee, the generator that embeds it, or the frame
 * object that took it over — and rp_frame_clear is the one place that
 * gives them up (or hands them to the frame object).
 */
#ifndef RCPY_VM_INTERNAL_H
#define RCPY_VM_INTERNAL_H

#include "rcpy.h"

#include <stdalign.h>

/* f->lasti of a frame that has not run any instruction yet. */
#define RP_LASTI_NONE UINT32_MAX

/* ---------------------------------------------------------------- frames */

/* The frame stack: chunks from rc_malloc, used in LIFO order. */
struct rp_stack_chunk {
    rp_stack_chunk *previous; /* the chunk below, or NULL */
    rp_stack_chunk *spare;    /* an emptied chunk above kept for reuse */
    size_t cap;               /* bytes of data */
    size_t top;               /* bytes of data in use */
    alignas(16) unsigned char data[];
};

/* Bytes a frame for co needs: the header, its slots and its stack. */
static inline size_t rp_frame_bytes(const rp_code *co) {
    size_t slots = (size_t)co->nlocalsplus + co->stacksize;
    return (offsetof(rp_frame, localsplus) + slots * sizeof(void *) + 15) &
           ~(size_t)15;
}

/* The slow halves of the inline functions below (frame.c). */
rp_frame *rp_frame_push_chunk(rp_interp *ip, size_t need);
void rp_frame_pop_chunk(rp_interp *ip);
int rp_frame_make_cells_(rp_interp *ip, rp_frame *f);
void rp_frame_clear_(rp_interp *ip, rp_frame *f);

/* A frame for co on the thread's frame stack (uninitialised; NULL +
 * MemoryError). Frames are popped in LIFO order with rp_frame_pop. */
static inline rp_frame *rp_frame_push(rp_interp *ip, const rp_code *co) {
    size_t need = rp_frame_bytes(co);
    rp_stack_chunk *c = ip->stack;
    if (!c || c->cap - c->top < need)
        return rp_frame_push_chunk(ip, need);
    rp_frame *f = (rp_frame *)(c->data + c->top);
    c->top += need;
    return f;
}

static inline void rp_frame_pop(rp_interp *ip, rp_frame *f) {
    rp_stack_chunk *c = ip->stack;
    c->top = (size_t)((unsigned char *)f - c->data);
    if (c->top == 0)
        rp_frame_pop_chunk(ip);
}

/* Fills the header of a new frame: new references to co, globals,
 * builtins and locals (may be NULL); func is stolen (may be NULL); every
 * slot empty, no stack. */
static inline void rp_frame_init(rp_frame *f, rp_code *co, rc_object *func,
                                 rc_object *globals, rc_object *builtins,
                                 rc_object *locals, uint8_t owner) {
    rc_incref(&co->ob);
    rc_xincref(globals);
    rc_xincref(builtins);
    rc_xincref(locals);
    f->code = co;
    f->func = func;
    f->globals = globals;
    f->builtins = builtins;
    f->locals = locals;
    f->previous = NULL;
    f->frame_obj = NULL;
    f->lasti = RP_LASTI_NONE;
    f->stacktop = 0;
    f->owner = owner;
    f->is_entry = 0;
    f->is_init = 0;
    for (uint32_t i = 0; i < co->nlocalsplus; i++)
        f->localsplus[i] = NULL;
}

/* Wraps the cell slots in new cells and copies the free variables from
 * the function's closure: what CPython's MAKE_CELL and COPY_FREE_VARS do
 * before a body runs. 0, or negative (MemoryError). */
static inline int rp_frame_make_cells(rp_interp *ip, rp_frame *f) {
    if (!(f->code->ncellvars | f->code->nfreevars))
        return 0;
    return rp_frame_make_cells_(ip, f);
}

/* Gives up everything the frame holds — or, when a frame object exists
 * for it, moves it all into the object (CPython's take_ownership). The
 * frame is left empty (code NULL). */
static inline void rp_frame_clear(rp_interp *ip, rp_frame *f) {
    rp_code *co = f->code;
    if (!co || f->frame_obj || f->stacktop) {
        rp_frame_clear_(ip, f);
        return;
    }
    /* the common case: a function frame returning, nobody watching */
    rc_object *func = f->func, *globals = f->globals, *builtins = f->builtins,
              *locals = f->locals;
    f->code = NULL;
    for (uint32_t i = 0; i < co->nlocalsplus; i++) {
        rc_object *v = f->localsplus[i];
        f->localsplus[i] = NULL;
        rc_xdecref(v);
    }
    rc_xdecref(locals);
    rc_xdecref(func);
    rc_xdecref(builtins);
    rc_xdecref(globals);
    rc_decref(&co->ob);
}

/* Visits what a suspended or taken-over frame holds. */
int rp_frame_traverse(rp_frame *f, rc_visitproc visit, void *arg);
/* The builtins dict that code running with these globals sees:
 * globals['__builtins__'] (a module's dict, or a dict), else ip->builtins.
 * Borrowed. */
rc_object *rp_builtins_of(rp_interp *ip, rc_object *globals);
/* The frame a frame object shows (borrowed, never NULL). */
rp_frame *rp_frameobj_frame(rc_object *frameobj);

/* ------------------------------------------------------------- functions */

/* Binds call arguments (borrowed) to the parameters of fn's code in the
 * fresh frame f: new references in f->localsplus. On failure (TypeError in
 * CPython's words) the slots filled so far stay in f, to be released with
 * it. */
int rp_bind_args(rp_interp *ip, rp_function *fn, rp_frame *f,
                 rc_object *const *args, size_t nargs, rc_object *kwnames);
/* "f()", "A.f()", "__main__.f()": how CALL_FUNCTION_EX's errors name a
 * callable (CPython's _PyObject_FunctionStr). New str or NULL. */
rc_object *rp_function_str(rp_interp *ip, rc_object *callable);

/* ------------------------------------------------------------ generators */

enum rp_gen_state {
    RP_GEN_CREATED,   /* made, not started */
    RP_GEN_SUSPENDED, /* stopped at a yield */
    RP_GEN_RUNNING,   /* its frame is executing */
    RP_GEN_CLOSED     /* returned, raised or closed: the frame is empty */
};

typedef struct rp_gen {
    rc_object ob;
    rp_code *code;         /* gi_code (strong; outlives the frame) */
    rc_object *name;       /* __name__ (str) */
    rc_object *qualname;   /* __qualname__ (str) */
    rc_object *exc_state;  /* the exception its code was handling when it
                              last stopped (strong), or NULL */
    rc_object *caller_exc; /* while running: the caller's handled
                              exception, restored at the yield (strong) */
    uint8_t state;         /* enum rp_gen_state */
    rp_frame frame;        /* its frame; slots and stack follow */
} rp_gen;

/* The generator for a call of a generator function: binds the arguments
 * (borrowed) into the generator's own frame. New reference, or NULL. */
rc_object *rp_gen_new(rp_interp *ip, rp_function *fn, rc_object *const *args,
                      size_t nargs, rc_object *kwnames);
/* The generator that embeds frame f (owner RP_FRAME_OWNED_BY_GENERATOR). */
static inline rp_gen *rp_gen_of_frame(rp_frame *f) {
    return (rp_gen *)((char *)f - offsetof(rp_gen, frame));
}
/* The delegate of a generator suspended in `yield from` (borrowed), or
 * NULL. */
rc_object *rp_gen_yieldfrom(rp_gen *g);

/* ------------------------------------------------------------- the loop */

/* Runs frame f (initialised, its arguments bound) until it returns, yields
 * or raises: the frame becomes the C caller's entry frame. With `throwing`
 * the pending exception is raised at the frame's current instruction
 * (gen.throw). Thread-owned frames are popped before this returns. New
 * reference, or NULL with an exception pending. */
rc_object *rp_run_frame(rp_interp *ip, rp_frame *f, bool throwing);

/* Helpers of the loop (vm_ops.c). Each returns NULL / negative with an
 * exception pending. */
int rp_vm_unpack(rp_interp *ip, rc_object *seq, size_t before, size_t after,
                 bool starred, rc_object **out);
rc_object *rp_vm_import_from(rp_interp *ip, rc_object *module, rc_object *name);
int rp_vm_import_star(rp_interp *ip, rc_object *module, rc_object *locals);
rc_object *rp_vm_format(rp_interp *ip, rc_object *value, unsigned conv,
                        rc_object *spec);
rc_object *rp_vm_build_string(rp_interp *ip, rc_object *const *parts, size_t n);
int rp_vm_dict_update(rp_interp *ip, rc_object *dict, rc_object *src,
                      rc_object *callable);
int rp_vm_list_extend(rp_interp *ip, rc_object *list, rc_object *iterable);
int rp_vm_set_update(rp_interp *ip, rc_object *set, rc_object *iterable);
rc_object *rp_vm_call_ex(rp_interp *ip, rc_object *callable, rc_object *args,
                         rc_object *kwargs);
int rp_vm_before_with(rp_interp *ip, rc_object *mgr, rc_object **exit,
                      rc_object **entered);
int rp_vm_check_except_type(rp_interp *ip, rc_object *spec);
bool rp_vm_exc_matches(rp_interp *ip, rc_object *exc, rc_object *spec);
/* Sets exc.__context__ to handled (not NULL), cutting the cycle that
 * would make (CPython's rule). */
void rp_vm_set_context(rc_object *exc, rc_object *handled);
int rp_vm_print_expr(rp_interp *ip, rc_object *value);
int rp_vm_unbound_error(rp_interp *ip, rp_frame *f, uint32_t slot);

/* ----------------------------------------------------- LOAD_GLOBAL's cache */

/* What LOAD_GLOBAL found for a name in a pair of globals and builtins
 * dicts, valid while both dicts keep the versions they had
 * (rc_dict_version: a number no other dict state of the runtime ever has,
 * so neither a change nor a dict freed and another made at the same
 * address can go unnoticed). The value is borrowed from the dict that
 * holds it, which keeps it alive as long as the version is unchanged. */
typedef struct rp_global_entry {
    rc_object *name;     /* strong (so no other str takes its address);
                            NULL: an empty entry */
    rc_object *globals;  /* identity only (not owned) */
    rc_object *builtins; /* identity only (not owned); may be NULL */
    uint64_t gver, bver; /* their versions when the entry was made */
    rc_object *value;    /* borrowed */
} rp_global_entry;

#define RP_GLOBAL_CACHE 512 /* entries; a power of two */

struct rp_vm_cache {
    rp_global_entry g[RP_GLOBAL_CACHE];
};

static inline rp_global_entry *
rp_global_slot(struct rp_vm_cache *c, rc_object *globals, rc_object *name) {
    uintptr_t h = ((uintptr_t)name >> 4) ^ ((uintptr_t)globals >> 7);
    return &c->g[(h ^ (h >> 9)) & (RP_GLOBAL_CACHE - 1)];
}

/* The cached value of name for these dicts (borrowed), or NULL. */
static inline rc_object *rp_global_cached(rp_interp *ip, rc_object *globals,
                                          rc_object *builtins,
                                          rc_object *name) {
    struct rp_vm_cache *c = ip->vmcache;
    if (!c)
        return NULL;
    rp_global_entry *e = rp_global_slot(c, globals, name);
    if (e->name != name || e->globals != globals || e->builtins != builtins ||
        e->gver != rc_dict_version(globals) ||
        e->bver != (builtins ? rc_dict_version(builtins) : 0))
        return NULL;
    return e->value;
}

/* Remembers what a lookup of name found (value borrowed from globals or
 * builtins). Never fails: without memory for the cache nothing is kept. */
void rp_global_remember(rp_interp *ip, rc_object *globals, rc_object *builtins,
                        rc_object *name, rc_object *value);

/* Start-up of the classes each file defines (called by rp_init_funcs). */
int rp_init_frame_class(rp_interp *ip);
int rp_init_gen_class(rp_interp *ip);

#endif /* RCPY_VM_INTERNAL_H */
