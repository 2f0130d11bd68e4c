/*
 * gen.c — generators: the object a generator function's call returns,
 * with send/next/throw/close, `yield from` delegation and finalization.
 *
 * A generator embeds its frame (allocated inside the object with room for
 * the code's slots and stack). Resuming it links the frame on top of the
 * thread's frames as an entry frame and runs the loop until the frame
 * yields (the frame stays, state SUSPENDED), returns or raises (the frame
 * is cleared, state CLOSED). The generator traverses its frame while it is
 * suspended; while it runs the frame is part of the thread's stack, a root.
 *
 * The exception a generator's code is handling travels with it: resuming
 * puts the generator's own saved one (if any) in ip->exc_info, so
 * sys.exc_info() inside sees it, and a yield saves it again and restores
 * the caller's. A generator that has none sees the caller's, as CPython's
 * chained exc_info lookup does.
 */
#include "vm_internal.h"

/* ====================================================================== */
/* Making a generator                                                     */
/* ====================================================================== */

rc_object *rp_gen_new(rp_interp *ip, rp_function *fn, rc_object *const *args,
                      size_t nargs, rc_object *kwnames) {
    rp_code *co = fn->code;
    rp_gen *g = (rp_gen *)rc_new_var_untracked(
        ip->rt, &rp_gen_type, (size_t)co->nlocalsplus + co->stacksize);
    if (!g)
        return NULL;
    rc_incref(&fn->ob);
    rp_frame_init(&g->frame, co, &fn->ob, fn->globals, fn->builtins, NULL,
                  RP_FRAME_OWNED_BY_GENERATOR);
    rc_incref(&co->ob);
    rc_incref(fn->name);
    rc_incref(fn->qualname);
    g->code = co;
    g->name = fn->name;
    g->qualname = fn->qualname;
    g->state = RP_GEN_CREATED;
    if (rp_bind_args(ip, fn, &g->frame, args, nargs, kwnames) < 0 ||
        rp_frame_make_cells(ip, &g->frame) < 0) {
        g->state = RP_GEN_CLOSED;
        rc_decref(&g->ob);
        return NULL;
    }
    rc_gc_track(&g->ob);
    return &g->ob;
}

static bool is_gen(const rc_object *o) {
    return o->type == &rp_gen_type;
}

rc_object *rp_gen_yieldfrom(rp_gen *g) {
    rp_frame *f = &g->frame;
    if (g->state != RP_GEN_SUSPENDED || !f->code || f->lasti < 1 ||
        f->stacktop < 1)
        return NULL;
    const rp_instr *code = f->code->instrs;
    if (RP_OPCODE(code[f->lasti]) != RP_YIELD_VALUE ||
        RP_OPCODE(code[f->lasti - 1]) != RP_SEND)
        return NULL;
    return f->localsplus[f->code->nlocalsplus + f->stacktop - 1];
}

/* ====================================================================== */
/* Resuming                                                               */
/* ====================================================================== */

/* "generator raised StopIteration" (PEP 479), caused by the StopIteration
 * pending now. */
static void stopiteration_to_runtime_error(rp_interp *ip) {
    rc_object *stop = rp_err_fetch(ip);
    rp_raise(ip, ip->exc.RuntimeError, "generator raised StopIteration");
    rc_object *err = rp_err_fetch(ip);
    if (err && stop && rp_is_instance(err, ip->exc.BaseException)) {
        rp_exc *e = (rp_exc *)err;
        rc_incref(stop);
        rc_xdecref(e->cause);
        e->cause = stop;
        rp_vm_set_context(err, stop);
        e->suppress_context = true;
    }
    rc_xdecref(stop);
    rp_err_restore(ip, err);
}

/* Swaps the handled exception in and out around a run (file comment). */
static void exc_state_enter(rp_interp *ip, rp_gen *g) {
    g->caller_exc = ip->exc_info;
    if (g->exc_state) {
        ip->exc_info = g->exc_state;
        g->exc_state = NULL;
    } else {
        rc_xincref(ip->exc_info);
    }
}

static void exc_state_leave(rp_interp *ip, rp_gen *g) {
    rc_object *own = ip->exc_info;
    ip->exc_info = g->caller_exc;
    g->caller_exc = NULL;
    if (own != ip->exc_info && g->state == RP_GEN_SUSPENDED)
        g->exc_state = own;
    else
        rc_xdecref(own);
}

/* Runs the generator one step: sends value (NULL: next()) or, with
 * `throwing`, raises the pending exception at the point it stopped.
 * 1: yielded (*out new); 0: returned (*out new); negative: raised. */
static int gen_resume(rp_interp *ip, rp_gen *g, rc_object *value, bool throwing,
                      rc_object **out) {
    if (g->state == RP_GEN_RUNNING) {
        rp_err_clear(ip);
        return rp_raise(ip, ip->exc.ValueError, "generator already executing");
    }
    if (g->state == RP_GEN_CLOSED) {
        if (throwing)
            return -1;
        *out = rp_none(ip);
        return 0;
    }
    rp_frame *f = &g->frame;
    if (g->state == RP_GEN_CREATED) {
        if (!throwing && value && value != ip->none)
            return rp_raise(ip, ip->exc.TypeError,
                            "can't send non-None value to a just-started "
                            "generator");
        if (throwing) /* raised at the function's first line */
            f->lasti = 0;
    } else {
        value = value ? value : ip->none;
        rc_incref(value);
        f->localsplus[f->code->nlocalsplus + f->stacktop++] = value;
    }
    g->state = RP_GEN_RUNNING;
    exc_state_enter(ip, g);
    rc_object *r = rp_run_frame(ip, f, throwing);
    g->state = f->code ? RP_GEN_SUSPENDED : RP_GEN_CLOSED;
    exc_state_leave(ip, g);
    if (!r) {
        if (rp_err_matches(ip, ip->exc.StopIteration))
            stopiteration_to_runtime_error(ip);
        return -1;
    }
    *out = r;
    return g->state == RP_GEN_SUSPENDED;
}

int rp_gen_send(rp_interp *ip, rc_object *gen, rc_object *value,
                rc_object **out) {
    return gen_resume(ip, (rp_gen *)gen, value, false, out);
}

/* Raises StopIteration carrying a generator's return value, made by
 * calling the class so that .value is set as its constructor sets it. */
static void raise_stop(rp_interp *ip, rc_object *value) {
    rc_object *cls = &ip->exc.StopIteration->ob;
    rc_object *exc =
        value == ip->none ? rp_call0(ip, cls) : rp_call1(ip, cls, value);
    if (exc) {
        rp_raise_object(ip, exc);
        rc_decref(exc);
    }
}

/* A step's status turned into what send() and throw() return. */
static rc_object *step_result(rp_interp *ip, int status, rc_object *out) {
    if (status < 0)
        return NULL;
    if (status == 1)
        return out;
    raise_stop(ip, out);
    rc_decref(out);
    return NULL;
}

/* ====================================================================== */
/* throw and close                                                        */
/* ====================================================================== */

static int gen_close(rp_interp *ip, rp_gen *g);

/* Closes a `yield from` delegate: 0, or negative with its error. */
static int close_delegate(rp_interp *ip, rc_object *yf) {
    if (is_gen(yf))
        return gen_close(ip, (rp_gen *)yf);
    rc_object *meth = NULL;
    int r = rp_getattr_opt(ip, yf, ip->s.close, &meth);
    if (r <= 0)
        return r;
    rc_object *res = rp_call0(ip, meth);
    rc_decref(meth);
    if (!res)
        return -1;
    rc_decref(res);
    return 0;
}

/* The exception typ/val/tb describe, made pending (CPython's throw()
 * argument rules). 0, or negative with TypeError. */
static int make_thrown(rp_interp *ip, rc_object *typ, rc_object *val,
                       rc_object *tb) {
    if (tb == ip->none)
        tb = NULL;
    if (tb && tb->type != &rp_traceback_type)
        return rp_raise(ip, ip->exc.TypeError,
                        "throw() third argument must be a traceback object");
    rc_object *exc;
    if (rp_is_class(typ) &&
        rp_is_subclass((rp_class *)typ, ip->exc.BaseException)) {
        if (val && rp_is_instance(val, (rp_class *)typ)) {
            rc_incref(val);
            exc = val;
        } else if (!val || val == ip->none) {
            exc = rp_call0(ip, typ);
        } else if (rc_is_tuple(val)) {
            exc = rc_call_object(typ, val, NULL);
        } else {
            exc = rp_call1(ip, typ, val);
        }
        if (!exc)
            return -1;
        if (!rp_is_instance(exc, ip->exc.BaseException)) {
            /* a __new__ that made something else (CPython's
             * _PyErr_SetObject words it so) */
            rc_object *r = rc_repr(typ);
            if (r)
                rp_raise(ip, ip->exc.TypeError,
                         "calling %s should have returned an instance of "
                         "BaseException, not %s",
                         rc_str_utf8(r), rc_type_name(exc));
            rc_xdecref(r);
            rc_decref(exc);
            return -1;
        }
    } else if (rp_is_instance(typ, ip->exc.BaseException)) {
        if (val && val != ip->none)
            return rp_raise(ip, ip->exc.TypeError,
                            "instance exception may not have a separate "
                            "value");
        rc_incref(typ);
        exc = typ;
    } else {
        return rp_raise(ip, ip->exc.TypeError,
                        "exceptions must be classes or instances deriving "
                        "from BaseException, not %s",
                        rc_type_name(typ));
    }
    if (tb && rp_is_instance(exc, ip->exc.BaseException)) {
        rp_exc *e = (rp_exc *)exc;
        rc_incref(tb);
        rc_xdecref(e->traceback);
        e->traceback = tb;
    }
    rp_err_restore(ip, exc);
    return 0;
}

/* Raises the pending exception inside g at its yield, after chaining the
 * exception g was handling as its context. */
static int throw_here(rp_interp *ip, rp_gen *g, rc_object **out) {
    if (g->exc_state && g->state == RP_GEN_SUSPENDED) {
        rc_object *exc = rp_err_fetch(ip);
        if (exc)
            rp_vm_set_context(exc, g->exc_state);
        rp_err_restore(ip, exc);
    }
    return gen_resume(ip, g, NULL, true, out);
}

static int gen_throw(rp_interp *ip, rp_gen *g, bool close_on_exit,
                     rc_object *typ, rc_object *val, rc_object *tb,
                     rc_object **out);

/* throw() reaching the delegate of a `yield from`: 1 it yielded, 0 it
 * finished with *out, negative it raised. */
static int throw_delegate(rp_interp *ip, rp_gen *g, rc_object *yf,
                          rc_object *typ, rc_object *val, rc_object *tb,
                          bool close_on_exit, rc_object **out) {
    uint8_t state = g->state;
    if (is_gen(yf)) {
        /* the delegating frame shows in tracebacks while the inner one
         * runs, as CPython links it */
        g->frame.previous = ip->frame;
        ip->frame = &g->frame;
        g->state = RP_GEN_RUNNING;
        int r = gen_throw(ip, (rp_gen *)yf, close_on_exit, typ, val, tb, out);
        g->state = state;
        ip->frame = g->frame.previous;
        g->frame.previous = NULL;
        return r;
    }
    rc_object *meth = NULL;
    int r = rp_getattr_opt(ip, yf, ip->s.throw, &meth);
    if (r <= 0)
        return r < 0 ? -1 : 2; /* 2: no throw() — raise in g itself */
    rc_object *argv[3] = {typ, val ? val : ip->none, tb ? tb : ip->none};
    g->state = RP_GEN_RUNNING;
    *out = rp_call(ip, meth, argv, tb ? 3 : val ? 2 : 1, NULL);
    g->state = state;
    rc_decref(meth);
    return *out ? 1 : -1;
}

/* The delegate finished (value x) or raised: g leaves its SEND loop,
 * going on after it with x, or raising the delegate's error. */
static int leave_delegation(rp_interp *ip, rp_gen *g, int status,
                            rc_object *value, rc_object **out) {
    rp_frame *f = &g->frame;
    rc_object *yf = f->localsplus[f->code->nlocalsplus + --f->stacktop];
    rc_decref(yf);
    uint32_t send = f->lasti - 1;
    f->lasti = RP_OPARG(f->code->instrs[send]) - 1;
    if (status < 0 && rp_err_matches(ip, ip->exc.StopIteration)) {
        rc_object *stop = rp_err_fetch(ip);
        value = rp_getattr_cstr(ip, stop, "value");
        rc_decref(stop);
        if (!value)
            return gen_resume(ip, g, NULL, true, out);
        status = 0;
    } else if (status < 0) {
        return gen_resume(ip, g, NULL, true, out);
    }
    int r = gen_resume(ip, g, value, false, out);
    rc_decref(value);
    return r;
}

static int gen_throw(rp_interp *ip, rp_gen *g, bool close_on_exit,
                     rc_object *typ, rc_object *val, rc_object *tb,
                     rc_object **out) {
    rc_object *yf = rp_gen_yieldfrom(g);
    if (!yf)
        return make_thrown(ip, typ, val, tb) < 0 ? -1 : throw_here(ip, g, out);
    rc_incref(yf);
    bool genexit = rp_is_class(typ)
                       ? rp_is_subclass((rp_class *)typ, ip->exc.GeneratorExit)
                       : rp_is_instance(typ, ip->exc.GeneratorExit);
    int r;
    if (genexit && close_on_exit) {
        uint8_t state = g->state;
        g->state = RP_GEN_RUNNING;
        r = close_delegate(ip, yf);
        g->state = state;
        rc_decref(yf);
        if (r < 0)
            return gen_resume(ip, g, NULL, true, out);
        return make_thrown(ip, typ, val, tb) < 0 ? -1 : throw_here(ip, g, out);
    }
    r = throw_delegate(ip, g, yf, typ, val, tb, close_on_exit, out);
    rc_decref(yf);
    if (r == 2)
        return make_thrown(ip, typ, val, tb) < 0 ? -1 : throw_here(ip, g, out);
    if (r == 1)
        return 1;
    return leave_delegation(ip, g, r, r == 0 ? *out : NULL, out);
}

static int gen_close(rp_interp *ip, rp_gen *g) {
    int err = 0;
    rc_object *yf = rp_gen_yieldfrom(g);
    if (yf) {
        uint8_t state = g->state;
        rc_incref(yf);
        g->state = RP_GEN_RUNNING;
        err = close_delegate(ip, yf);
        g->state = state;
        rc_decref(yf);
    }
    if (err == 0)
        rp_raise_object(ip, &ip->exc.GeneratorExit->ob);
    rc_object *out = NULL;
    int r = gen_resume(ip, g, NULL, true, &out);
    if (r > 0) {
        rc_decref(out);
        return rp_raise(ip, ip->exc.RuntimeError,
                        "generator ignored GeneratorExit");
    }
    if (r == 0) {
        rc_decref(out);
        return 0;
    }
    if (rp_err_matches(ip, ip->exc.StopIteration) ||
        rp_err_matches(ip, ip->exc.GeneratorExit)) {
        rp_err_clear(ip);
        return 0;
    }
    return -1;
}

/* ====================================================================== */
/* Methods                                                                */
/* ====================================================================== */

static rc_object *gen_send_meth(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    if (rp_check_args(ip, "send", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *out = NULL;
    int st = gen_resume(ip, (rp_gen *)self, args[0], false, &out);
    return step_result(ip, st, out);
}

static rc_object *gen_throw_meth(rp_interp *ip, rc_object *self,
                                 rc_object *const *args, size_t nargs,
                                 rc_object *kwnames) {
    if (rp_check_args(ip, "throw", nargs, kwnames, 1, 3) < 0)
        return NULL;
    rc_object *out = NULL;
    int st =
        gen_throw(ip, (rp_gen *)self, true, args[0], nargs > 1 ? args[1] : NULL,
                  nargs > 2 ? args[2] : NULL, &out);
    return step_result(ip, st, out);
}

static rc_object *gen_close_meth(rp_interp *ip, rc_object *self,
                                 rc_object *const *args, size_t nargs,
                                 rc_object *kwnames) {
    if (rp_check_args(ip, "close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gen_close(ip, (rp_gen *)self) < 0 ? NULL : rp_none(ip);
}

static const rp_methoddef gen_methods[] = {
    {"send", gen_send_meth, 0,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or "
     "raise StopIteration."},
    {"throw", gen_throw_meth, 0,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in "
     "generator, return next yielded value or raise\nStopIteration."},
    {"close", gen_close_meth, 0,
     "close() -> raise GeneratorExit inside generator."},
    {NULL},
};

/* ====================================================================== */
/* Attributes                                                             */
/* ====================================================================== */

#define GEN(self) ((rp_gen *)(self))

static rc_object *get_gi_frame(rp_interp *ip, rc_object *self) {
    if (GEN(self)->state == RP_GEN_CLOSED || !GEN(self)->frame.code)
        return rp_none(ip);
    return rp_frame_object(ip, &GEN(self)->frame);
}
static rc_object *get_gi_running(rp_interp *ip, rc_object *self) {
    return rp_bool(ip, GEN(self)->state == RP_GEN_RUNNING);
}
static rc_object *get_gi_suspended(rp_interp *ip, rc_object *self) {
    return rp_bool(ip, GEN(self)->state == RP_GEN_SUSPENDED);
}
static rc_object *get_gi_code(rp_interp *ip, rc_object *self) {
    rc_incref(&GEN(self)->code->ob);
    return &GEN(self)->code->ob;
}
static rc_object *get_gi_yieldfrom(rp_interp *ip, rc_object *self) {
    rc_object *yf = rp_gen_yieldfrom(GEN(self));
    yf = yf ? yf : ip->none;
    rc_incref(yf);
    return yf;
}
static rc_object *get_gen_name(rp_interp *ip, rc_object *self) {
    rc_incref(GEN(self)->name);
    return GEN(self)->name;
}
static rc_object *get_gen_qualname(rp_interp *ip, rc_object *self) {
    rc_incref(GEN(self)->qualname);
    return GEN(self)->qualname;
}
static int set_str(rp_interp *ip, rc_object **slot, rc_object *v,
                   const char *what) {
    if (!v || !rc_is_str(v))
        return rp_raise(ip, ip->exc.TypeError,
                        "%s must be set to a string object", what);
    rc_incref(v);
    rc_decref(*slot);
    *slot = v;
    return 0;
}
static int set_gen_name(rp_interp *ip, rc_object *self, rc_object *v) {
    return set_str(ip, &GEN(self)->name, v, "__name__");
}
static int set_gen_qualname(rp_interp *ip, rc_object *self, rc_object *v) {
    return set_str(ip, &GEN(self)->qualname, v, "__qualname__");
}

static const rp_getsetdef gen_getsets[] = {
    {"gi_frame", get_gi_frame, NULL, NULL},
    {"gi_running", get_gi_running, NULL, NULL},
    {"gi_suspended", get_gi_suspended, NULL, NULL},
    {"gi_code", get_gi_code, NULL, NULL},
    {"gi_yieldfrom", get_gi_yieldfrom, NULL,
     "object being iterated by yield from, or None"},
    {"__name__", get_gen_name, set_gen_name, NULL},
    {"__qualname__", get_gen_qualname, set_gen_qualname, NULL},
    {NULL},
};

#undef GEN

/* ====================================================================== */
/* The kind                                                               */
/* ====================================================================== */

static int gen_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    rp_gen *g = (rp_gen *)self;
    rc_object *refs[] = {&g->code->ob, g->name, g->qualname, g->exc_state};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        int r = refs[i] ? visit(refs[i], arg) : 0;
        if (r)
            return r;
    }
    if (g->state == RP_GEN_RUNNING)
        return 0; /* its frame is on the thread's stack: a root */
    return rp_frame_traverse(&g->frame, visit, arg);
}

static int gen_clear(rc_object *self) {
    rp_gen *g = (rp_gen *)self;
    rc_object *exc = g->exc_state;
    g->exc_state = NULL;
    rc_xdecref(exc);
    if (g->state != RP_GEN_RUNNING) {
        g->state = RP_GEN_CLOSED;
        rp_frame_clear(rp_interp_of(self), &g->frame);
    }
    return 0;
}

static void gen_dealloc(rc_object *self) {
    rp_gen *g = (rp_gen *)self;
    gen_clear(self);
    rc_xdecref(g->caller_exc);
    rc_xdecref(g->name);
    rc_xdecref(g->qualname);
    rc_xdecref(g->code ? &g->code->ob : NULL);
}

/* An unfinished generator is closed before it dies (its finally blocks
 * run); errors go to the unraisable hook. Runs through rc_type.finalize,
 * so a generator in a garbage cycle is closed before the cycle is cleared
 * (PEP 442). */
static void gen_finalize(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    rp_gen *g = (rp_gen *)self;
    if (!ip || g->state != RP_GEN_SUSPENDED)
        return;
    rc_object *pending = rp_err_occurred(ip) ? rp_err_fetch(ip) : NULL;
    if (gen_close(ip, g) < 0)
        rp_err_write_unraisable(ip, NULL, self);
    if (pending)
        rp_err_restore(ip, pending);
}

static rc_object *gen_repr(rc_object *self) {
    return rc_str_from_format(
        rc_runtime_of(self), "<generator object %s at %p>",
        rc_str_utf8(((rp_gen *)self)->qualname), (void *)self);
}

static rc_object *gen_iter(rc_object *self) {
    rc_incref(self);
    return self;
}

static int gen_next(rc_object *self, rc_object **item) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *out = NULL;
    int st = gen_resume(ip, (rp_gen *)self, NULL, false, &out);
    if (st == 0) /* the return value is not seen by iteration */
        rc_decref(out);
    else if (st > 0)
        *item = out;
    return st;
}

static rc_object *gen_getattr(rc_object *self, rc_object *name) {
    return rp_generic_getattr(rp_interp_of(self), self, name);
}

static const rc_protocol gen_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = gen_repr,
    .iter = gen_iter,
    .next = gen_next,
    .getattr = gen_getattr,
};

const rc_type rp_gen_type = {
    .name = "generator",
    .basicsize = sizeof(rp_gen),
    .itemsize = sizeof(rc_object *),
    .flags = RC_TYPE_GC,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .finalize = gen_finalize,
    .dealloc = gen_dealloc,
    .protocol = &gen_protocol,
};

int rp_init_gen_class(rp_interp *ip) {
    rp_class *cls = rp_class_new_builtin(ip, "generator", &rp_gen_type,
                                         ip->cls.object, gen_methods, NULL, 0);
    if (!cls || rp_class_add_getsets(ip, cls, gen_getsets) < 0)
        return -1;
    ip->cls.generator = cls;
    return 0;
}
