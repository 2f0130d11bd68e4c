/*
 * frame.c — frames: the thread's frame stack, setting a frame up and
 * releasing it, frame objects, locals() and the zero-argument super()
 * accessor.
 *
 * A call allocates no object: its frame is carved from the interpreter's
 * frame stack, chunks of memory from rc_malloc used in LIFO order (CPython
 * 3.11's data stack). A frame object exists only once something asks for
 * it (sys._getframe(), a traceback entry, gi_frame); the frame points at
 * it with a borrowed pointer that the object clears when it dies. When a
 * frame ends while its object lives, rp_frame_clear moves the frame's
 * contents into the object (which was allocated with room for them), so
 * the object shows the finished frame's locals and the collector sees the
 * references through the object's traverse from then on. Frames on the
 * thread's stack are roots: nobody traverses them.
 */
#include "vm_internal.h"

#include <string.h>

/* ====================================================================== */
/* The frame stack                                                        */
/* ====================================================================== */

#define CHUNK_BYTES ((size_t)64 * 1024)

static void chunk_free(rp_interp *ip, rp_stack_chunk *c) {
    if (!c)
        return;
    chunk_free(ip, c->spare);
    rc_free(ip->rt, c, offsetof(rp_stack_chunk, data) + c->cap);
}

static rp_stack_chunk *chunk_new(rp_interp *ip, size_t need) {
    rp_stack_chunk *c = ip->stack ? ip->stack->spare : NULL;
    if (c && c->cap >= need) {
        ip->stack->spare = NULL;
        c->top = 0;
        return c;
    }
    size_t cap = need > CHUNK_BYTES ? need : CHUNK_BYTES;
    c = rc_malloc(ip->rt, offsetof(rp_stack_chunk, data) + cap);
    if (!c) {
        rp_raise(ip, ip->exc.MemoryError, "out of memory for a frame");
        return NULL;
    }
    c->previous = NULL;
    c->spare = NULL;
    c->cap = cap;
    c->top = 0;
    return c;
}

/* rp_frame_push when the current chunk is full (or there is none). */
rp_frame *rp_frame_push_chunk(rp_interp *ip, size_t need) {
    rp_stack_chunk *c = ip->stack;
    rp_stack_chunk *n = chunk_new(ip, need);
    if (!n)
        return NULL;
    if (c && c->spare) { /* too small for this frame: drop it */
        chunk_free(ip, c->spare);
        c->spare = NULL;
    }
    n->previous = c;
    ip->stack = n;
    n->top = need;
    return (rp_frame *)n->data;
}

/* rp_frame_pop emptied the current chunk. */
void rp_frame_pop_chunk(rp_interp *ip) {
    rp_stack_chunk *c = ip->stack;
    rp_stack_chunk *below = c->previous;
    ip->stack = below;
    if (below) { /* keep the emptied chunk for the next deep call */
        chunk_free(ip, below->spare);
        below->spare = c;
        c->previous = NULL;
    } else {
        chunk_free(ip, c);
    }
}

/* ====================================================================== */
/* Setting a frame up and releasing it                                    */
/* ====================================================================== */

rc_object *rp_builtins_of(rp_interp *ip, rc_object *globals) {
    rc_object *b = NULL;
    if (globals && rc_dict_lookup(globals, ip->s.builtins, &b) <= 0) {
        rc_clear_error(ip->rt);
        b = NULL;
    }
    if (b && b->type == &rp_module_type)
        return ((rp_module *)b)->dict;
    if (b && rc_is_dict(b))
        return b;
    return ip->builtins;
}

int rp_frame_make_cells_(rp_interp *ip, rp_frame *f) {
    rp_code *co = f->code;
    uint32_t firstfree = co->nlocalsplus - co->nfreevars;
    if (co->ncellvars) {
        for (uint32_t i = 0; i < firstfree; i++) {
            if (!(co->localspluskinds[i] & RP_FAST_CELL))
                continue;
            rc_object *cell = rp_cell_new(ip, f->localsplus[i]);
            if (!cell)
                return -1;
            rc_xdecref(f->localsplus[i]);
            f->localsplus[i] = cell;
        }
    }
    if (co->nfreevars) {
        rp_function *fn = (rp_function *)f->func;
        rc_object *closure = fn ? fn->closure : NULL;
        if (!closure || rc_tuple_size(closure) != co->nfreevars)
            return rp_raise(ip, ip->exc.SystemError,
                            "code object needs a closure of %u cells",
                            (unsigned)co->nfreevars);
        for (uint32_t j = 0; j < co->nfreevars; j++) {
            rc_object *cell = rc_tuple_get(closure, j);
            rc_incref(cell);
            f->localsplus[firstfree + j] = cell;
        }
    }
    return 0;
}

typedef struct rp_frameobj {
    rc_object ob;
    rp_frame *f;     /* the frame shown: on the thread's stack, inside a
                        generator, or `data` once taken over */
    rc_object *back; /* f_back kept at take-over (strong), or NULL */
    rp_frame data;   /* the frame's contents after take-over; its slots
                        follow (the object is made with room for them) */
} rp_frameobj;

rp_frame *rp_frameobj_frame(rc_object *frameobj) {
    return ((rp_frameobj *)frameobj)->f;
}

static void release_stack(rp_frame *f) {
    rc_object **stack = f->localsplus + f->code->nlocalsplus;
    while (f->stacktop > 0) {
        rc_object *v = stack[--f->stacktop];
        rc_xdecref(v);
    }
}

/* The header fields a frame owns, taken out of it (the frame is left
 * marked empty) so that releasing them can run code safely. */
typedef struct frame_refs {
    rp_code *code;
    rc_object *func, *globals, *builtins, *locals;
} frame_refs;

static frame_refs detach_header(rp_frame *f) {
    frame_refs r = {f->code, f->func, f->globals, f->builtins, f->locals};
    f->code = NULL;
    f->func = f->globals = f->builtins = f->locals = NULL;
    return r;
}

static void release_header(frame_refs r) {
    rc_xdecref(r.locals);
    rc_xdecref(r.func);
    rc_xdecref(r.builtins);
    rc_xdecref(r.globals);
    rc_decref(&r.code->ob);
}

/* f_back for a frame object taking its frame over: the previous frame's
 * object. A failure to make it leaves f_back None (CPython does the same)
 * without disturbing the exception that may be propagating. */
static rc_object *back_object(rp_interp *ip, rp_frame *prev) {
    if (!prev || !ip)
        return NULL;
    rc_object *pending = rp_err_occurred(ip) ? rp_err_fetch(ip) : NULL;
    rc_object *back = rp_frame_object(ip, prev);
    if (!back)
        rp_err_clear(ip);
    if (pending)
        rp_err_restore(ip, pending);
    return back;
}

static void take_over(rp_interp *ip, rp_frame *f) {
    rp_frameobj *fo = (rp_frameobj *)f->frame_obj;
    rp_frame *dst = &fo->data;
    uint32_t n = f->code->nlocalsplus;
    release_stack(f);
    memcpy(dst, f, offsetof(rp_frame, localsplus) + n * sizeof(rc_object *));
    dst->owner = RP_FRAME_OWNED_BY_FRAME_OBJECT;
    dst->previous = NULL;
    dst->stacktop = 0;
    dst->is_entry = 0;
    dst->is_init = 0;
    fo->f = dst;
    rp_frame *prev = f->previous;
    f->frame_obj = NULL;
    detach_header(f);
    memset(f->localsplus, 0, n * sizeof(rc_object *));
    /* the object holds the contents now; its f_back last, since making
     * it allocates */
    fo->back = back_object(ip, prev);
}

void rp_frame_clear_(rp_interp *ip, rp_frame *f) {
    if (!f->code)
        return;
    if (f->frame_obj) {
        take_over(ip, f);
        return;
    }
    release_stack(f);
    uint32_t n = f->code->nlocalsplus;
    frame_refs r = detach_header(f);
    for (uint32_t i = 0; i < n; i++) {
        rc_object *v = f->localsplus[i];
        f->localsplus[i] = NULL;
        rc_xdecref(v);
    }
    release_header(r);
}

int rp_frame_traverse(rp_frame *f, rc_visitproc visit, void *arg) {
    if (!f->code)
        return 0;
    rc_object *hdr[] = {&f->code->ob, f->func, f->globals, f->builtins,
                        f->locals};
    for (size_t i = 0; i < sizeof hdr / sizeof hdr[0]; i++) {
        int r = hdr[i] ? visit(hdr[i], arg) : 0;
        if (r)
            return r;
    }
    uint32_t n = f->code->nlocalsplus + f->stacktop;
    for (uint32_t i = 0; i < n; i++) {
        int r = f->localsplus[i] ? visit(f->localsplus[i], arg) : 0;
        if (r)
            return r;
    }
    return 0;
}

/* ====================================================================== */
/* Frame objects                                                          */
/* ====================================================================== */

static bool owns_frame(const rp_frameobj *fo) {
    return fo->f == &fo->data;
}

rc_object *rp_frame_object(rp_interp *ip, rp_frame *f) {
    if (f->frame_obj) {
        rc_incref(f->frame_obj);
        return f->frame_obj;
    }
    rp_frameobj *fo = (rp_frameobj *)rc_new_var_untracked(
        ip->rt, &rp_frameobj_type, f->code->nlocalsplus);
    if (!fo) {
        rp_raise(ip, ip->exc.MemoryError, "out of memory for a frame object");
        return NULL;
    }
    fo->f = f;
    fo->back = NULL;
    f->frame_obj = &fo->ob;
    rc_gc_track(&fo->ob);
    return &fo->ob;
}

static int frameobj_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    rp_frameobj *fo = (rp_frameobj *)self;
    if (fo->back) {
        int r = visit(fo->back, arg);
        if (r)
            return r;
    }
    return owns_frame(fo) ? rp_frame_traverse(fo->f, visit, arg) : 0;
}

/* Drops the locals of a frame the object owns (the collector's clear and
 * frame.clear()); the code and namespaces stay for f_code, f_globals. */
static void clear_owned_locals(rp_frameobj *fo) {
    rp_frame *f = fo->f;
    if (!f->code)
        return;
    for (uint32_t i = 0; i < f->code->nlocalsplus; i++) {
        rc_object *v = f->localsplus[i];
        f->localsplus[i] = NULL;
        rc_xdecref(v);
    }
    rc_object *locals = f->locals;
    f->locals = NULL;
    rc_xdecref(locals);
}

static int frameobj_clear(rc_object *self) {
    rp_frameobj *fo = (rp_frameobj *)self;
    rc_object *back = fo->back;
    fo->back = NULL;
    rc_xdecref(back);
    if (owns_frame(fo))
        clear_owned_locals(fo);
    return 0;
}

static void frameobj_dealloc(rc_object *self) {
    rp_frameobj *fo = (rp_frameobj *)self;
    if (!owns_frame(fo)) {
        fo->f->frame_obj = NULL; /* the frame lives on without it */
        fo->f = &fo->data;
        fo->data.code = NULL;
    }
    frameobj_clear(self);
    if (fo->data.code) {
        fo->data.frame_obj = NULL;
        release_header(detach_header(&fo->data));
    }
}

int rp_frame_line(const rp_frame *f) {
    if (f->lasti == RP_LASTI_NONE)
        return (int)f->code->firstlineno;
    return rp_code_line(f->code, f->lasti);
}

static rc_object *frameobj_repr(rc_object *self) {
    rp_frame *f = ((rp_frameobj *)self)->f;
    rc_runtime *rt = rc_runtime_of(self);
    if (!f->code)
        return rc_str_from_format(rt, "<frame at %p (cleared)>", (void *)self);
    return rc_str_from_format(rt, "<frame at %p, file '%s', line %d, code %s>",
                              (void *)self, rc_str_utf8(f->code->filename),
                              rp_frame_line(f), rc_str_utf8(f->code->name));
}

static rc_object *frameobj_getattr(rc_object *self, rc_object *name) {
    return rp_generic_getattr(rp_interp_of(self), self, name);
}

static const rc_protocol frameobj_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = frameobj_repr,
    .getattr = frameobj_getattr,
};

const rc_type rp_frameobj_type = {
    .name = "frame",
    .basicsize = sizeof(rp_frameobj),
    .itemsize = sizeof(rc_object *),
    .flags = RC_TYPE_GC,
    .traverse = frameobj_traverse,
    .clear = frameobj_clear,
    .dealloc = frameobj_dealloc,
    .protocol = &frameobj_protocol,
};

/* ====================================================================== */
/* locals() and the frame object's attributes                             */
/* ====================================================================== */

/* The value a slot shows in locals(): a cell's contents for cell and free
 * variables (borrowed, may be NULL). */
static rc_object *slot_value(const rp_frame *f, uint32_t i) {
    rc_object *v = f->localsplus[i];
    uint8_t kind = f->code->localspluskinds[i];
    if (v && (kind & (RP_FAST_CELL | RP_FAST_FREE)) && v->type == &rp_cell_type)
        v = ((rp_cell *)v)->ref;
    return v;
}

/* Copies the fast locals of f into d: a name whose slot is empty (unbound,
 * deleted) leaves d. 0, or negative. */
static int fast_to_locals(rp_frame *f, rc_object *d) {
    for (uint32_t i = 0; i < f->code->nlocalsplus; i++) {
        rc_object *name = rc_tuple_get(f->code->localsplusnames, i);
        rc_object *v = slot_value(f, i), *old;
        int r = v ? rc_dict_setitem(d, name, v) : rc_dict_lookup(d, name, &old);
        if (r > 0 && !v)
            r = rc_dict_delitem(d, name);
        if (r < 0)
            return r;
    }
    return 0;
}

/* A function's frame (optimized code: its locals live in slots) keeps the
 * dict locals() made in f->locals — no instruction of such code reads it —
 * and refreshes it at every call, so locals() is the same dict each time,
 * as in CPython 3.11 (PyFrame_FastToLocals). Other frames' locals are a
 * real mapping already. */
rc_object *rp_frame_locals(rp_interp *ip, rp_frame *f) {
    bool fast = f->code && (f->code->flags & RP_CO_OPTIMIZED);
    if (f->locals && (!fast || !rc_is_dict(f->locals))) {
        rc_incref(f->locals);
        return f->locals;
    }
    rc_object *d = f->locals;
    if (d)
        rc_incref(d); /* the caller's reference */
    else if (!(d = rc_dict_new(ip->rt)) || !f->code)
        return d;
    else if (fast) {
        f->locals = d; /* the frame's reference */
        rc_incref(d);
    }
    if (fast_to_locals(f, d) < 0) {
        rc_decref(d);
        return NULL;
    }
    return d;
}

static rp_frame *live_frame(rp_interp *ip, rc_object *self) {
    rp_frame *f = ((rp_frameobj *)self)->f;
    if (!f->code) {
        rp_raise(ip, ip->exc.RuntimeError, "the frame has been cleared");
        return NULL;
    }
    return f;
}

static rc_object *get_f_back(rp_interp *ip, rc_object *self) {
    rp_frameobj *fo = (rp_frameobj *)self;
    rc_object *back = fo->back;
    if (!owns_frame(fo) && fo->f->previous)
        return rp_frame_object(ip, fo->f->previous);
    back = back ? back : ip->none;
    rc_incref(back);
    return back;
}

static rc_object *get_f_code(rp_interp *ip, rc_object *self) {
    rp_frame *f = live_frame(ip, self);
    if (!f)
        return NULL;
    rc_incref(&f->code->ob);
    return &f->code->ob;
}

static rc_object *get_f_locals(rp_interp *ip, rc_object *self) {
    rp_frame *f = live_frame(ip, self);
    return f ? rp_frame_locals(ip, f) : NULL;
}

static rc_object *get_f_globals(rp_interp *ip, rc_object *self) {
    rp_frame *f = live_frame(ip, self);
    if (!f)
        return NULL;
    rc_object *g = f->globals ? f->globals : ip->none;
    rc_incref(g);
    return g;
}

static rc_object *get_f_builtins(rp_interp *ip, rc_object *self) {
    rp_frame *f = live_frame(ip, self);
    if (!f)
        return NULL;
    rc_object *b = f->builtins ? f->builtins : ip->none;
    rc_incref(b);
    return b;
}

static rc_object *get_f_lineno(rp_interp *ip, rc_object *self) {
    rp_frame *f = live_frame(ip, self);
    return f ? rc_int_from_i64(ip->rt, rp_frame_line(f)) : NULL;
}

static rc_object *get_f_lasti(rp_interp *ip, rc_object *self) {
    rp_frame *f = live_frame(ip, self);
    if (!f)
        return NULL;
    /* a frame not started yet (a new generator's) shows its first
     * instruction, as 3.11's shows RETURN_GENERATOR */
    int64_t lasti = f->lasti == RP_LASTI_NONE ? 0 : (int64_t)f->lasti;
    return rc_int_from_i64(ip->rt, lasti);
}

static rc_object *get_f_trace(rp_interp *ip, rc_object *self) {
    return rp_none(ip);
}

static const rp_getsetdef frameobj_getsets[] = {
    {"f_back", get_f_back, NULL, "the calling frame, or None"},
    {"f_code", get_f_code, NULL, "the code object being run"},
    {"f_locals", get_f_locals, NULL, "the frame's local variables"},
    {"f_globals", get_f_globals, NULL, "the frame's global namespace"},
    {"f_builtins", get_f_builtins, NULL, "the frame's builtins namespace"},
    {"f_lineno", get_f_lineno, NULL, "the current line number"},
    {"f_lasti", get_f_lasti, NULL, "index of the last instruction"},
    {"f_trace", get_f_trace, NULL, "tracing function (always None)"},
    {NULL},
};

/* frame.clear(): drops the locals of a finished frame; a suspended
 * generator's frame closes the generator; a running frame refuses. */
static rc_object *frameobj_clear_meth(rp_interp *ip, rc_object *self,
                                      rc_object *const *args, size_t nargs,
                                      rc_object *kwnames) {
    if (rp_check_args(ip, "clear", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rp_frameobj *fo = (rp_frameobj *)self;
    rp_frame *f = fo->f;
    if (!owns_frame(fo) && f->owner == RP_FRAME_OWNED_BY_GENERATOR) {
        rp_gen *g = rp_gen_of_frame(f);
        if (g->state == RP_GEN_RUNNING) {
            rp_raise(ip, ip->exc.RuntimeError,
                     "cannot clear an executing frame");
            return NULL;
        }
        return rp_call_method(ip, &g->ob, ip->s.close, NULL, 0);
    }
    if (!owns_frame(fo)) {
        rp_raise(ip, ip->exc.RuntimeError, "cannot clear an executing frame");
        return NULL;
    }
    clear_owned_locals(fo);
    return rp_none(ip);
}

static const rp_methoddef frameobj_methods[] = {
    {"clear", frameobj_clear_meth, 0,
     "Clear all references held by the frame."},
    {NULL},
};

int rp_init_frame_class(rp_interp *ip) {
    rp_class *cls =
        rp_class_new_builtin(ip, "frame", &rp_frameobj_type, ip->cls.object,
                             frameobj_methods, NULL, 0);
    if (!cls || rp_class_add_getsets(ip, cls, frameobj_getsets) < 0)
        return -1;
    ip->cls.frame = cls;
    return 0;
}

/* ====================================================================== */
/* Zero-argument super()                                                  */
/* ====================================================================== */

static int find_class_cell(rp_interp *ip, rp_frame *f, rc_object **cls) {
    rp_code *co = f->code;
    for (uint32_t i = co->nlocalsplus - co->nfreevars; i < co->nlocalsplus;
         i++) {
        rc_object *name = rc_tuple_get(co->localsplusnames, i);
        if (name != ip->s.class_ && rc_equal(name, ip->s.class_) != 1)
            continue;
        rc_object *cell = f->localsplus[i];
        if (!cell || cell->type != &rp_cell_type)
            return rp_raise(ip, ip->exc.RuntimeError,
                            "super(): bad __class__ cell");
        rc_object *c = ((rp_cell *)cell)->ref;
        if (!c)
            return rp_raise(ip, ip->exc.RuntimeError,
                            "super(): empty __class__ cell");
        if (!rp_is_class(c))
            return rp_raise(ip, ip->exc.RuntimeError,
                            "super(): __class__ is not a type (%s)",
                            rc_type_name(c));
        *cls = c;
        return 0;
    }
    return rp_raise(ip, ip->exc.RuntimeError,
                    "super(): __class__ cell not found");
}

int rp_frame_super_args(rp_interp *ip, rc_object **cls, rc_object **self) {
    rp_frame *f = ip->frame;
    if (!f)
        return rp_raise(ip, ip->exc.RuntimeError, "super(): no current frame");
    if (f->code->argcount == 0)
        return rp_raise(ip, ip->exc.RuntimeError, "super(): no arguments");
    rc_object *first = f->localsplus[0];
    if (first && (f->code->localspluskinds[0] & RP_FAST_CELL) &&
        first->type == &rp_cell_type)
        first = ((rp_cell *)first)->ref;
    if (!first)
        return rp_raise(ip, ip->exc.RuntimeError, "super(): arg[0] deleted");
    if (find_class_cell(ip, f, cls) < 0)
        return -1;
    *self = first;
    return 0;
}
