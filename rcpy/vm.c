/*
 * vm.c — the dispatch loop: runs code objects, one instruction of
 * opcode.h at a time, with the stack effects written there.
 *
 * One C activation of the loop (rp_run_frame) runs its entry frame and
 * every Python frame called from it: CALL of a Python function pushes the
 * callee's frame on the frame stack and goes on in the same loop, moving
 * the arguments from the caller's value stack into the callee's slots (so
 * a reference count seen inside a call is the one CPython 3.11 shows);
 * RETURN_VALUE pops it and pushes the result on the caller's stack. Only
 * a call into C that calls back into Python (a class's __init__, a slot,
 * a key function) re-enters the loop with a new entry frame. A generator's
 * frame is always an entry frame: YIELD_VALUE returns to the C code that
 * resumed it.
 *
 * The instruction index, the stack pointer and the code's arrays live in
 * C locals; the frame records the running instruction (lasti) at every
 * dispatch, for tracebacks and f_lineno, and its stack depth only when it
 * stops running (a call, a yield). An instruction that fails jumps to
 * `error`: the frame gets a traceback entry, the exception table says
 * where its handler is (the value stack is cut to the handler's depth and
 * the exception pushed), and without one the frame is released and the
 * exception goes on in the caller. Everything else — operators, items,
 * attributes, calls of other objects — goes through rcgc's protocol and
 * the object part's abstract layer, except arithmetic and comparisons of
 * machine-size ints and floats, computed here with CPython's results, the
 * attributes of plain instances (read and written in the object model's
 * attribute table directly), and calls of plain classes, whose __init__
 * runs in this loop like any Python call (the new instance waits on the
 * caller's stack; RETURN_VALUE of such a frame checks for None).
 * Safe points (collections, KeyboardInterrupt) are RESUME and every
 * backward jump.
 */
#include "vm_internal.h"

#include "objmodel.h" /* the fast paths for instances (see below) */

#include <string.h>

/* ====================================================================== */
/* Entry points                                                           */
/* ====================================================================== */

rc_object *rp_eval_code(rp_interp *ip, rc_object *code, rc_object *globals,
                        rc_object *locals) {
    if (code->type != &rp_code_type || !globals || !rc_is_dict(globals)) {
        rp_raise(ip, ip->exc.SystemError, "bad argument to rp_eval_code");
        return NULL;
    }
    rp_code *co = (rp_code *)code;
    rp_frame *f = rp_frame_push(ip, co);
    if (!f)
        return NULL;
    rp_frame_init(f, co, NULL, globals, rp_builtins_of(ip, globals),
                  locals ? locals : globals, RP_FRAME_OWNED_BY_THREAD);
    if (rp_frame_make_cells(ip, f) < 0) {
        rp_frame_clear(ip, f);
        rp_frame_pop(ip, f);
        return NULL;
    }
    return rp_run_frame(ip, f, false);
}

rc_object *rp_eval_function_in_locals(rp_interp *ip, rc_object *func,
                                      rc_object *locals) {
    if (func->type != &rp_function_type) {
        rp_raise(ip, ip->exc.SystemError,
                 "class body is not a function object");
        return NULL;
    }
    rp_function *fn = (rp_function *)func;
    rp_frame *f = rp_frame_push(ip, fn->code);
    if (!f)
        return NULL;
    rc_incref(func);
    rp_frame_init(f, fn->code, func, fn->globals, fn->builtins, locals,
                  RP_FRAME_OWNED_BY_THREAD);
    if (rp_frame_make_cells(ip, f) < 0) {
        rp_frame_clear(ip, f);
        rp_frame_pop(ip, f);
        return NULL;
    }
    return rp_run_frame(ip, f, false);
}

/* ====================================================================== */
/* Small helpers of the loop                                              */
/* ====================================================================== */

/* The exception-table entry covering instruction i, or NULL. */
static const rp_exc_entry *find_handler(const rp_code *co, uint32_t i) {
    uint32_t lo = 0, hi = co->nhandlers;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const rp_exc_entry *e = &co->handlers[mid];
        if (i < e->start)
            hi = mid;
        else if (i >= e->end)
            lo = mid + 1;
        else
            return e;
    }
    return NULL;
}

/* Releases the frame a return or an exception leaves and unlinks it from
 * the thread; returns the frame to go on with (the caller), or NULL when
 * f was the entry frame of this activation. The recursion counter is the
 * caller's business. */
static rp_frame *leave_frame(rp_interp *ip, rp_frame *f) {
    rp_frame *prev = f->previous;
    bool entry = f->is_entry;
    ip->frame = prev;
    if (f->owner == RP_FRAME_OWNED_BY_THREAD) {
        rp_frame_clear(ip, f);
        rp_frame_pop(ip, f);
    } else {
        /* a generator's frame forgets its caller first: a frame object
         * taking it over gets no f_back (CPython's gen_send_ex) */
        f->previous = NULL;
        rp_frame_clear(ip, f);
    }
    return entry ? NULL : prev;
}

/* Can a call with n positional arguments and no keywords move them
 * straight into the slots (no *args, **kwargs, keyword-only parameters)? */
static bool simple_call(const rp_function *fn, size_t n) {
    const rp_code *co = fn->code;
    if (co->flags & (RP_CO_VARARGS | RP_CO_VARKEYWORDS | RP_CO_GENERATOR) ||
        co->kwonlyargcount || n > co->argcount)
        return false;
    size_t ndef = fn->defaults ? rc_tuple_size(fn->defaults) : 0;
    return n + ndef >= co->argcount;
}

/* Moves args (the caller's references) into the slots of f from slot
 * `first` on, then the defaults for the parameters not given. */
static void move_args(rp_frame *f, const rp_function *fn, size_t first,
                      rc_object **args, size_t nargs) {
    const rp_code *co = fn->code;
    size_t n = first + nargs;
    memcpy(f->localsplus + first, args, nargs * sizeof(rc_object *));
    if (n < co->argcount) {
        size_t ndef = rc_tuple_size(fn->defaults);
        size_t firstdef = co->argcount - ndef;
        for (size_t i = n; i < co->argcount; i++) {
            rc_object *d = rc_tuple_get(fn->defaults, i - firstdef);
            rc_incref(d);
            f->localsplus[i] = d;
        }
    }
}

/* The value of a name in a locals mapping: 1 found (*v new), 0 absent,
 * negative on error. */
static int mapping_lookup(rp_interp *ip, rc_object *map, rc_object *name,
                          rc_object **v) {
    if (rc_is_dict(map)) {
        int r = rc_dict_lookup(map, name, v);
        if (r > 0)
            rc_incref(*v);
        return r;
    }
    *v = rc_getitem(map, name);
    if (*v)
        return 1;
    if (!rp_err_matches(ip, ip->exc.KeyError))
        return -1;
    rp_err_clear(ip);
    return 0;
}

/* globals, then builtins: 1 found (*v borrowed), 0 absent, negative. */
static int global_lookup(rp_frame *f, rc_object *name, rc_object **v) {
    int r = rc_dict_lookup(f->globals, name, v);
    if (r != 0)
        return r;
    return f->builtins ? rc_dict_lookup(f->builtins, name, v) : 0;
}

static int name_error(rp_interp *ip, rc_object *name) {
    return rp_raise(ip, ip->exc.NameError, "name '%s' is not defined",
                    rc_str_utf8(name));
}

static int store_name(rp_interp *ip, rp_frame *f, rc_object *name,
                      rc_object *v) {
    if (!f->locals)
        return rp_raise(ip, ip->exc.SystemError,
                        "no locals found when storing '%s'", rc_str_utf8(name));
    return rc_is_dict(f->locals) ? rc_dict_setitem(f->locals, name, v)
                                 : rc_setitem(f->locals, name, v);
}

static int delete_name(rp_interp *ip, rp_frame *f, rc_object *name) {
    if (!f->locals)
        return rp_raise(ip, ip->exc.SystemError, "no locals when deleting '%s'",
                        rc_str_utf8(name));
    if (rc_is_dict(f->locals)) {
        rc_object *v;
        int r = rc_dict_lookup(f->locals, name, &v);
        if (r <= 0)
            return r < 0 ? r : name_error(ip, name);
        return rc_dict_delitem(f->locals, name);
    }
    if (rc_delitem(f->locals, name) == 0)
        return 0;
    if (!rp_err_matches(ip, ip->exc.KeyError))
        return -1;
    rp_err_clear(ip);
    return name_error(ip, name);
}

/* LOAD_NAME: locals, globals, builtins. New reference or NULL. */
static rc_object *load_name(rp_interp *ip, rp_frame *f, rc_object *name) {
    rc_object *v = NULL;
    if (!f->locals) {
        rp_raise(ip, ip->exc.SystemError, "no locals when loading '%s'",
                 rc_str_utf8(name));
        return NULL;
    }
    int r = mapping_lookup(ip, f->locals, name, &v);
    if (r != 0)
        return r > 0 ? v : NULL;
    r = global_lookup(f, name, &v);
    if (r > 0) {
        rc_incref(v);
        return v;
    }
    if (r == 0)
        name_error(ip, name);
    return NULL;
}

/* LOAD_CLASSDEREF: the class body's namespace first, then the cell. */
static rc_object *load_classderef(rp_interp *ip, rp_frame *f, uint32_t i) {
    rc_object *v = NULL;
    rc_object *name = rc_tuple_get(f->code->localsplusnames, i);
    int r = f->locals ? mapping_lookup(ip, f->locals, name, &v) : 0;
    if (r != 0)
        return r > 0 ? v : NULL;
    v = ((rp_cell *)f->localsplus[i])->ref;
    if (!v) {
        rp_vm_unbound_error(ip, f, i);
        return NULL;
    }
    rc_incref(v);
    return v;
}

static int delete_global(rp_interp *ip, rp_frame *f, rc_object *name) {
    rc_object *v;
    int r = rc_dict_lookup(f->globals, name, &v);
    if (r <= 0)
        return r < 0 ? r : name_error(ip, name);
    return rc_dict_delitem(f->globals, name);
}

static rc_object *load_build_class(rp_interp *ip, rp_frame *f) {
    rc_object *name = rc_str_intern(ip->rt, "__build_class__"), *v = NULL;
    if (!name)
        return NULL;
    int r = f->builtins ? rc_dict_lookup(f->builtins, name, &v) : 0;
    rc_decref(name);
    if (r > 0) {
        rc_incref(v);
        return v;
    }
    if (r == 0)
        rp_raise(ip, ip->exc.NameError, "__build_class__ not found");
    return NULL;
}

/* MAKE_FUNCTION: the items below the code (defaults, kwdefaults, closure)
 * are given by `flags`; all are stolen on success. */
static rc_object *make_function(rp_interp *ip, rp_frame *f, rc_object *code,
                                uint32_t flags, rc_object **below) {
    rc_object *fn =
        rp_function_new(ip, code, f->globals, ((rp_code *)code)->qualname);
    if (!fn)
        return NULL;
    rp_function *func = (rp_function *)fn;
    if (flags & 8)
        func->closure = *--below;
    if (flags & 2)
        func->kwdefaults = *--below;
    if (flags & 1)
        func->defaults = *--below;
    return fn;
}

static int import_level(rp_interp *ip, rc_object *level, int *out) {
    int64_t v = 0;
    if (level != ip->none && rc_int_to_i64(level, &v) < 0)
        return -1;
    *out = (int)v;
    return 0;
}

/* SEND's step: 1 the receiver yielded *out, 0 it returned *out, negative
 * on error. */
static int send_step(rp_interp *ip, rc_object *recv, rc_object *v,
                     rc_object **out) {
    if (recv->type == &rp_gen_type)
        return rp_gen_send(ip, recv, v, out);
    if (v == ip->none) {
        int r = rc_next(recv, out);
        if (r == 0)
            *out = rp_none(ip);
        return r;
    }
    *out = rp_call_method(ip, recv, ip->s.send, &v, 1);
    if (*out)
        return 1;
    if (!rp_err_matches(ip, ip->exc.StopIteration))
        return -1;
    rc_object *stop = rp_err_fetch(ip);
    *out = rp_getattr_cstr(ip, stop, "value");
    rc_decref(stop);
    return *out ? 0 : -1;
}

/* ====================================================================== */
/* Fast paths for numbers                                                 */
/* ====================================================================== */

/* BINARY_OP and COMPARE_OP on exact ints (not bools: True & True is a
 * bool) with machine-size values, and on floats, computed here with
 * CPython's results: floor division and modulo round towards minus
 * infinity, mixed int/float operands convert exactly (|i| <= 2**53).
 * Anything else — big ints, a possible overflow, division by zero, other
 * operators and types — takes the protocol path, which also raises the
 * errors. */

#define I62 ((int64_t)1 << 62)
#define I53 ((int64_t)1 << 53)

/* The value of an exact int that fits in int64. */
static bool small_int(rc_object *o, const rc_type *int_type, int64_t *v) {
    if (o->type != int_type)
        return false;
    if (rc_int_to_i64(o, v) == 0)
        return true;
    rc_clear_error(rc_runtime_of(o)); /* a big int: the general path */
    return false;
}

/* The value of a float, or of an int a double holds exactly. */
static bool as_double(rc_object *o, const rc_type *int_type, double *d) {
    int64_t v;
    if (small_int(o, int_type, &v)) {
        *d = (double)v;
        return v <= I53 && v >= -I53;
    }
    if (!rc_is_float(o))
        return false;
    *d = rc_float_value(o);
    return true;
}

static bool i64_binop(int64_t a, int64_t b, unsigned op, int64_t *r) {
    switch (op) {
    case RC_OP_ADD:
    case RC_OP_SUB:
        if (a >= I62 || a <= -I62 || b >= I62 || b <= -I62)
            return false;
        *r = op == RC_OP_ADD ? a + b : a - b;
        return true;
    case RC_OP_MUL:
        if (a >= INT32_MAX || a <= -INT32_MAX || b >= INT32_MAX ||
            b <= -INT32_MAX)
            return false;
        *r = a * b;
        return true;
    case RC_OP_FLOORDIV:
    case RC_OP_MOD: {
        if (b == 0 || (a == INT64_MIN && b == -1))
            return false;
        int64_t q = a / b, m = a % b;
        if (m != 0 && (m < 0) != (b < 0)) {
            q--;
            m += b;
        }
        *r = op == RC_OP_MOD ? m : q;
        return true;
    }
    case RC_OP_AND:
        *r = a & b;
        return true;
    case RC_OP_OR:
        *r = a | b;
        return true;
    case RC_OP_XOR:
        *r = a ^ b;
        return true;
    default:
        return false;
    }
}

static bool f64_binop(double a, double b, unsigned op, double *r) {
    switch (op) {
    case RC_OP_ADD:
        *r = a + b;
        return true;
    case RC_OP_SUB:
        *r = a - b;
        return true;
    case RC_OP_MUL:
        *r = a * b;
        return true;
    case RC_OP_TRUEDIV:
        *r = a / b;
        return b != 0.0;
    default:
        return false;
    }
}

/* a <op> b (op an rc_binop, in place or not: numbers are immutable) on
 * the fast path: a new reference, or NULL with *handled telling whether
 * it failed (MemoryError) or is the general path's to do. */
static rc_object *number_binop_fast(rc_runtime *rt, const rc_type *int_type,
                                    rc_object *a, rc_object *b, unsigned op,
                                    bool *handled) {
    int64_t x, y, r;
    double fx, fy, fr;
    *handled = true;
    if (small_int(a, int_type, &x) && small_int(b, int_type, &y)) {
        if (i64_binop(x, y, op, &r))
            return rc_int_from_i64(rt, r);
        if (op == RC_OP_TRUEDIV && y != 0 && x <= I53 && x >= -I53 &&
            y <= I53 && y >= -I53)
            return rc_float_from_double(rt, (double)x / (double)y);
    } else if ((rc_is_float(a) || rc_is_float(b)) &&
               as_double(a, int_type, &fx) && as_double(b, int_type, &fy) &&
               f64_binop(fx, fy, op, &fr)) {
        return rc_float_from_double(rt, fr);
    }
    *handled = false;
    return NULL;
}

/* a <op> b for two numbers on the fast path: 1 true, 0 false, -1 the
 * general path's. */
static int number_compare_fast(const rc_type *int_type, rc_object *a,
                               rc_object *b, rc_cmp op) {
    int64_t x, y;
    double fx, fy;
    int c;
    if (small_int(a, int_type, &x) && small_int(b, int_type, &y))
        c = (x > y) - (x < y);
    else if ((rc_is_float(a) || rc_is_float(b)) &&
             as_double(a, int_type, &fx) && as_double(b, int_type, &fy)) {
        if (fx != fx || fy != fy) /* NaN: only != holds */
            return op == RC_NE;
        c = (fx > fy) - (fx < fy);
    } else {
        return -1;
    }
    switch (op) {
    case RC_LT:
        return c < 0;
    case RC_LE:
        return c <= 0;
    case RC_EQ:
        return c == 0;
    case RC_NE:
        return c != 0;
    case RC_GT:
        return c > 0;
    default:
        return c >= 0;
    }
}

/* ====================================================================== */
/* Fast paths for instances                                               */
/* ====================================================================== */

/* Instances of classes made at run time whose attribute access is
 * object's own (no __getattribute__, __getattr__, __setattr__ or
 * __delattr__ in the MRO other than object's) keep their attributes in the
 * object model's table; for them the loop does what object.__getattribute__
 * and object.__setattr__ do without the dispatch layers between (protocol
 * slot, hook checks, finding the interpreter from the object). The class
 * lookups go through the object model's cache, so anything a program
 * changes in a class is seen at once. Whatever these helpers do not
 * recognise is left to rp_getattr / rp_setattr, which give the same result
 * — and since the helpers only read (never call anything) before deciding,
 * leaving it there runs no code twice. */

/* The class of o when o is such an instance, else NULL. */
static rp_class *plain_inst_class(const rc_object *o, uint32_t hooks) {
    if (o->type->protocol != &rp_inst_protocol)
        return NULL;
    rp_class *tp = (rp_class *)o->type->owner;
    return (tp->flags & (hooks | RP_CLS_HAS_DICT)) == RP_CLS_HAS_DICT ? tp
                                                                      : NULL;
}

/* o.name: a new reference, or NULL (nothing pending) for the general
 * path. */
static rc_object *inst_load_attr(rp_interp *ip, rc_object *o, rc_object *name) {
    rp_class *tp =
        plain_inst_class(o, RP_CLS_OWN_GETATTR_ | RP_CLS_HAS_GETATTR_);
    if (!tp)
        return NULL;
    rc_object *descr = rp_class_lookup_ip(ip, tp, name), *v;
    if (descr) {
        /* a class attribute: only a plain value (no __get__ / __set__),
         * which an instance attribute of the same name hides */
        rp_class *dc = rp_type_of_ip(ip, descr);
        if (dc->get || dc->set)
            return NULL;
        v = rp_inst_attr_get(o, name);
        rc_incref(v ? v : descr);
        return v ? v : descr;
    }
    v = rp_inst_attr_get(o, name);
    if (v)
        rc_incref(v);
    return v; /* absent: the general path raises AttributeError */
}

/* o.name = v (v not NULL): 1 done, 0 the general path's, negative on
 * error. */
static int inst_store_attr(rp_interp *ip, rc_object *o, rc_object *name,
                           rc_object *v) {
    rp_class *tp = plain_inst_class(o, RP_CLS_OWN_SETATTR_);
    if (!tp)
        return 0;
    rc_object *descr = rp_class_lookup_ip(ip, tp, name);
    if (descr && rp_type_of_ip(ip, descr)->set)
        return 0; /* a data descriptor (property, __slots__ member) */
    return rp_inst_attr_set(ip, o, name, v) < 0 ? -1 : 1;
}

/* For a call of `callable` with nargs positional arguments and no
 * keywords: when callable is a class whose metaclass is type, made by
 * class statements on top of object alone (no builtin base but object),
 * not abstract, whose __new__ is object's and whose __init__ is a Python
 * function taking those arguments plainly, that __init__ (borrowed). The
 * loop then makes the instance as object.__new__ does — every check
 * rp_object_new makes passes for such a class — and runs __init__ in a
 * frame of its own (is_init), as rp_class_call would through C. NULL: the
 * general path. */
static rp_function *inline_init(rp_interp *ip, rc_object *callable,
                                size_t nargs) {
    if (callable->type != &rp_class_type)
        return NULL;
    rp_class *cls = (rp_class *)callable, *b = cls;
    if ((cls->flags & RP_CLS_ABSTRACT) || !cls->itype)
        return NULL;
    while (b && (b->flags & RP_CLS_HEAP) && !(b->flags & RP_CLS_IMMUTABLE_))
        b = b->base;
    if (b != ip->cls.object || rp_class_lookup_ip(ip, cls, ip->s.new_) !=
                                   rp_objstate_of(ip)->object_new)
        return NULL;
    rc_object *init = rp_class_lookup_ip(ip, cls, ip->s.init);
    if (!init || init->type != &rp_function_type ||
        !simple_call((rp_function *)init, nargs + 1))
        return NULL;
    return (rp_function *)init;
}

/* ====================================================================== */
/* The loop                                                               */
/* ====================================================================== */

#define PUSH(v)   (*sp++ = (v))
#define POP()     (*--sp)
#define TOP()     (sp[-1])
#define PEEK(n)   (sp[-(ptrdiff_t)(n)])
#define OPARG     RP_OPARG(instr)
#define SAVE_SP() (f->stacktop = (uint32_t)(sp - stack_base))
#define LOAD_FRAME()                                                           \
    do {                                                                       \
        rp_code *co_ = f->code;                                                \
        instrs = co_->instrs;                                                  \
        fast = f->localsplus;                                                  \
        stack_base = fast + co_->nlocalsplus;                                  \
        sp = stack_base + f->stacktop;                                         \
        pc = f->lasti + 1;                                                     \
        consts = co_->consts;                                                  \
        names = co_->names;                                                    \
    } while (0)
#define CONST(i) rc_tuple_get(consts, (i))
#define NAME(i)  rc_tuple_get(names, (i))

#if defined(__GNUC__)
#define USE_COMPUTED_GOTO 1
#define TARGET(op)        op_##op:
#define DISPATCH()                                                             \
    do {                                                                       \
        instr = instrs[pc];                                                    \
        f->lasti = pc++;                                                       \
        goto *targets[RP_OPCODE(instr)];                                       \
    } while (0)
#else
#define USE_COMPUTED_GOTO 0
#define TARGET(op)        case RP_##op:
#define DISPATCH()        goto dispatch
#endif

/* Pops n values and releases them (NULLs allowed). */
#define POP_N(n)                                                               \
    do {                                                                       \
        for (size_t n_ = (n); n_ > 0; n_--) {                                  \
            rc_object *v_ = POP();                                             \
            rc_xdecref(v_);                                                    \
        }                                                                      \
    } while (0)

/* A jump; one to an earlier instruction (a loop's back edge, which 3.11
 * also makes of conditional jumps) is a safe point. */
#define JUMP_TO(target)                                                        \
    do {                                                                       \
        uint32_t t_ = (target);                                                \
        if (t_ < pc && rp_safepoint(ip) < 0)                                   \
            goto error;                                                        \
        pc = t_;                                                               \
    } while (0)

/* An instruction's object result: on failure its operands stay on the
 * stack (unwinding releases them); on success its n operands are
 * released and the result pushed. */
#define FINISH(expr, n)                                                        \
    do {                                                                       \
        rc_object *r_ = (expr);                                                \
        if (!r_)                                                               \
            goto error;                                                        \
        POP_N(n);                                                              \
        PUSH(r_);                                                              \
        DISPATCH();                                                            \
    } while (0)
/* The same for an operation with a status: n operands released. */
#define FINISH_STATUS(expr, n)                                                 \
    do {                                                                       \
        if ((expr) < 0)                                                        \
            goto error;                                                        \
        POP_N(n);                                                              \
        DISPATCH();                                                            \
    } while (0)

rc_object *rp_run_frame(rp_interp *ip, rp_frame *f, bool throwing) {
#if USE_COMPUTED_GOTO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#pragma GCC diagnostic ignored "-Wpedantic"
#define RP_TARGET_ENTRY(name, has_arg, is_jump) [RP_##name] = &&op_##name,
    static const void *const targets[256] = {[0 ... 255] = &&op_unknown,
                                             RP_OPCODES(RP_TARGET_ENTRY)};
#undef RP_TARGET_ENTRY
#pragma GCC diagnostic pop
#endif
    rc_runtime *rt = ip->rt;
    const rc_type *int_type = ip->false_->type; /* replaced just below */
    const rp_instr *instrs;
    rc_object **fast, **stack_base, **sp;
    rc_object *consts, *names;
    rc_object *kwnames = NULL; /* KW_NAMES's tuple for the next CALL */
    uint32_t pc;
    rp_instr instr;

    f->is_entry = 1;
    f->previous = ip->frame;
    {
        rc_object *zero = rc_int_from_i64(rt, 0); /* cached: no memory */
        int_type = zero->type;
        rc_decref(zero);
    }

start_frame:
    if (rc_recursion_enter(rt, NULL) < 0) {
        /* the frame never ran: no traceback entry of its own */
        rp_frame *caller = leave_frame(ip, f);
        if (!caller)
            return NULL;
        f = caller;
        LOAD_FRAME();
        goto error;
    }
    ip->frame = f;
    LOAD_FRAME();
    if (throwing) {
        throwing = false;
        goto error;
    }
    DISPATCH();

#if !USE_COMPUTED_GOTO
dispatch:
    instr = instrs[pc];
    f->lasti = pc++;
    switch (RP_OPCODE(instr)) {
#endif

        /* ---------------------------------------------- stack and constants */

        TARGET(NOP) {
            DISPATCH();
        }
        TARGET(RESUME) {
            FINISH_STATUS(rp_safepoint(ip), 0);
        }
        TARGET(POP_TOP) {
            rc_object *v = POP();
            rc_xdecref(v);
            DISPATCH();
        }
        TARGET(PUSH_NULL) {
            PUSH(NULL);
            DISPATCH();
        }
        TARGET(COPY) {
            rc_object *v = PEEK(OPARG);
            rc_xincref(v);
            PUSH(v);
            DISPATCH();
        }
        TARGET(SWAP) {
            rc_object *top = TOP();
            TOP() = PEEK(OPARG);
            PEEK(OPARG) = top;
            DISPATCH();
        }
        TARGET(LOAD_CONST) {
            rc_object *v = CONST(OPARG);
            rc_incref(v);
            PUSH(v);
            DISPATCH();
        }

        /* ------------------------------------------------------------ names */

        TARGET(LOAD_FAST) {
            rc_object *v = fast[OPARG];
            if (!v) {
                rp_vm_unbound_error(ip, f, OPARG);
                goto error;
            }
            rc_incref(v);
            PUSH(v);
            DISPATCH();
        }
        TARGET(STORE_FAST) {
            rc_object *old = fast[OPARG];
            fast[OPARG] = POP();
            rc_xdecref(old);
            DISPATCH();
        }
        TARGET(DELETE_FAST) {
            rc_object *old = fast[OPARG];
            if (!old) {
                rp_vm_unbound_error(ip, f, OPARG);
                goto error;
            }
            fast[OPARG] = NULL;
            rc_decref(old);
            DISPATCH();
        }
        TARGET(LOAD_DEREF) {
            rc_object *v = ((rp_cell *)fast[OPARG])->ref;
            if (!v) {
                rp_vm_unbound_error(ip, f, OPARG);
                goto error;
            }
            rc_incref(v);
            PUSH(v);
            DISPATCH();
        }
        TARGET(STORE_DEREF) {
            rp_cell *cell = (rp_cell *)fast[OPARG];
            rc_object *old = cell->ref;
            cell->ref = POP();
            rc_xdecref(old);
            DISPATCH();
        }
        TARGET(DELETE_DEREF) {
            rp_cell *cell = (rp_cell *)fast[OPARG];
            rc_object *old = cell->ref;
            if (!old) {
                rp_vm_unbound_error(ip, f, OPARG);
                goto error;
            }
            cell->ref = NULL;
            rc_decref(old);
            DISPATCH();
        }
        TARGET(LOAD_CLOSURE) {
            rc_object *cell = fast[OPARG];
            rc_incref(cell);
            PUSH(cell);
            DISPATCH();
        }
        TARGET(LOAD_CLASSDEREF) {
            FINISH(load_classderef(ip, f, OPARG), 0);
        }
        TARGET(LOAD_NAME) {
            FINISH(load_name(ip, f, NAME(OPARG)), 0);
        }
        TARGET(STORE_NAME) {
            FINISH_STATUS(store_name(ip, f, NAME(OPARG), TOP()), 1);
        }
        TARGET(DELETE_NAME) {
            FINISH_STATUS(delete_name(ip, f, NAME(OPARG)), 0);
        }
        TARGET(LOAD_GLOBAL) {
            rc_object *name = NAME(OPARG >> 1);
            rc_object *v = rp_global_cached(ip, f->globals, f->builtins, name);
            if (!v) {
                int r = global_lookup(f, name, &v);
                if (r <= 0) {
                    if (r == 0)
                        name_error(ip, name);
                    goto error;
                }
                rp_global_remember(ip, f->globals, f->builtins, name, v);
            }
            if (OPARG & 1)
                PUSH(NULL);
            rc_incref(v);
            PUSH(v);
            DISPATCH();
        }
        TARGET(STORE_GLOBAL) {
            FINISH_STATUS(rc_dict_setitem(f->globals, NAME(OPARG), TOP()), 1);
        }
        TARGET(DELETE_GLOBAL) {
            FINISH_STATUS(delete_global(ip, f, NAME(OPARG)), 0);
        }

        /* ------------------------------------------- attributes and items */

        TARGET(LOAD_ATTR) {
            rc_object *owner = TOP();
            rc_object *v = inst_load_attr(ip, owner, NAME(OPARG));
            if (!v)
                v = rp_getattr(ip, owner, NAME(OPARG));
            if (!v)
                goto error;
            TOP() = v;
            rc_decref(owner);
            DISPATCH();
        }
        TARGET(LOAD_METHOD) {
            rc_object *owner = TOP();
            rc_object *meth = rp_lookup_method(ip, owner, NAME(OPARG));
            if (meth) {
                rc_incref(meth);
                TOP() = meth;
                PUSH(owner);
                DISPATCH();
            }
            rc_object *v = rp_getattr(ip, owner, NAME(OPARG));
            if (!v)
                goto error;
            TOP() = NULL;
            rc_decref(owner);
            PUSH(v);
            DISPATCH();
        }
        TARGET(STORE_ATTR) {
            int r = inst_store_attr(ip, TOP(), NAME(OPARG), PEEK(2));
            if (r == 0)
                r = rp_setattr(ip, TOP(), NAME(OPARG), PEEK(2));
            FINISH_STATUS(r, 2);
        }
        TARGET(DELETE_ATTR) {
            FINISH_STATUS(rp_setattr(ip, TOP(), NAME(OPARG), NULL), 1);
        }
        TARGET(BINARY_SUBSCR) {
            rc_object *v = rc_getitem(PEEK(2), TOP());
            if (!v) {
                rp_err_key(ip, TOP()); /* KeyError(key), not its repr */
                goto error;
            }
            FINISH(v, 2);
        }
        TARGET(STORE_SUBSCR) {
            FINISH_STATUS(rc_setitem(PEEK(2), TOP(), PEEK(3)), 3);
        }
        TARGET(DELETE_SUBSCR) {
            if (rc_delitem(PEEK(2), TOP()) < 0) {
                rp_err_key(ip, TOP());
                goto error;
            }
            POP_N(2);
            DISPATCH();
        }
        TARGET(BUILD_SLICE) {
            uint32_t n = OPARG;
            rc_object *step = n == 3 ? TOP() : NULL;
            FINISH(rc_slice_new(rt, PEEK(n), PEEK(n - 1), step), n);
        }

        /* -------------------------------------------------------- operators */

        TARGET(BINARY_OP) {
            uint32_t op = OPARG;
            bool handled;
            rc_object *v = number_binop_fast(rt, int_type, PEEK(2), TOP(),
                                             op & 15, &handled);
            if (!handled)
                v = op < 16 ? rc_number_binop(PEEK(2), TOP(), (rc_binop)op)
                            : rc_number_inplace(PEEK(2), TOP(),
                                                (rc_binop)(op - 16));
            FINISH(v, 2);
        }
        TARGET(UNARY_OP) {
            FINISH(rc_number_unop(TOP(), (rc_unop)OPARG), 1);
        }
        TARGET(UNARY_NOT) {
            int t = rc_truth(TOP());
            if (t < 0)
                goto error;
            POP_N(1);
            PUSH(rp_bool(ip, !t));
            DISPATCH();
        }
        TARGET(COMPARE_OP) {
            int c =
                number_compare_fast(int_type, PEEK(2), TOP(), (rc_cmp)OPARG);
            if (c >= 0) {
                POP_N(2);
                PUSH(rp_bool(ip, c));
                DISPATCH();
            }
            FINISH(rc_richcompare(PEEK(2), TOP(), (rc_cmp)OPARG), 2);
        }
        TARGET(IS_OP) {
            bool is = PEEK(2) == TOP();
            POP_N(2);
            PUSH(rp_bool(ip, is != (OPARG != 0)));
            DISPATCH();
        }
        TARGET(CONTAINS_OP) {
            int r = rc_contains(TOP(), PEEK(2));
            if (r < 0)
                goto error;
            POP_N(2);
            PUSH(rp_bool(ip, (r != 0) != (OPARG != 0)));
            DISPATCH();
        }

        /* --------------------------------------------------------- building */

        TARGET(BUILD_TUPLE) {
            uint32_t n = OPARG;
            rc_object *t = rc_tuple_new(rt, n);
            if (!t)
                goto error;
            for (uint32_t i = n; i-- > 0;)
                rc_tuple_init_item(t, i, POP());
            PUSH(t);
            DISPATCH();
        }
        TARGET(BUILD_LIST) {
            uint32_t n = OPARG;
            FINISH(rc_list_from_array(rt, sp - n, n), n);
        }
        TARGET(BUILD_SET) {
            uint32_t n = OPARG;
            rc_object *s = rc_set_new(rt, NULL);
            if (!s)
                goto error;
            for (uint32_t i = n; i > 0; i--) {
                if (rc_set_add(s, PEEK(i)) < 0) {
                    rc_decref(s);
                    goto error;
                }
            }
            POP_N(n);
            PUSH(s);
            DISPATCH();
        }
        TARGET(BUILD_MAP) {
            uint32_t n = OPARG;
            rc_object *d = rc_dict_new(rt);
            if (!d)
                goto error;
            for (uint32_t i = 2 * n; i > 0; i -= 2) {
                if (rc_dict_setitem(d, PEEK(i), PEEK(i - 1)) < 0) {
                    rc_decref(d);
                    goto error;
                }
            }
            POP_N(2 * n);
            PUSH(d);
            DISPATCH();
        }
        TARGET(BUILD_CONST_KEY_MAP) {
            uint32_t n = OPARG;
            rc_object *keys = TOP();
            rc_object *d = rc_dict_new(rt);
            if (!d)
                goto error;
            for (uint32_t i = 0; i < n; i++) {
                if (rc_dict_setitem(d, rc_tuple_get(keys, i), PEEK(n + 1 - i)) <
                    0) {
                    rc_decref(d);
                    goto error;
                }
            }
            POP_N(n + 1);
            PUSH(d);
            DISPATCH();
        }
        TARGET(BUILD_STRING) {
            uint32_t n = OPARG;
            FINISH(rp_vm_build_string(ip, sp - n, n), n);
        }
        TARGET(LIST_APPEND) {
            FINISH_STATUS(rc_list_append(PEEK(OPARG + 1), TOP()), 1);
        }
        TARGET(SET_ADD) {
            FINISH_STATUS(rc_set_add(PEEK(OPARG + 1), TOP()), 1);
        }
        TARGET(MAP_ADD) {
            FINISH_STATUS(rc_dict_setitem(PEEK(OPARG + 2), PEEK(2), TOP()), 2);
        }
        TARGET(LIST_EXTEND) {
            FINISH_STATUS(rp_vm_list_extend(ip, PEEK(OPARG + 1), TOP()), 1);
        }
        TARGET(SET_UPDATE) {
            FINISH_STATUS(rp_vm_set_update(ip, PEEK(OPARG + 1), TOP()), 1);
        }
        TARGET(DICT_UPDATE) {
            FINISH_STATUS(rp_vm_dict_update(ip, PEEK(OPARG + 1), TOP(), NULL),
                          1);
        }
        TARGET(DICT_MERGE) {
            if (rp_vm_dict_update(ip, PEEK(OPARG + 1), TOP(), PEEK(OPARG + 3)) <
                0)
                goto error;
            POP_N(1);
            DISPATCH();
        }
        TARGET(LIST_TO_TUPLE) {
            rc_object *l = TOP();
            size_t n = rc_list_size(l);
            rc_object *t = rc_tuple_new(rt, n);
            if (!t)
                goto error;
            for (size_t i = 0; i < n; i++) {
                rc_object *v = rc_list_get(l, (ptrdiff_t)i);
                rc_incref(v);
                rc_tuple_init_item(t, i, v);
            }
            POP_N(1);
            PUSH(t);
            DISPATCH();
        }
        TARGET(FORMAT_VALUE) {
            bool spec = OPARG & 4;
            FINISH(rp_vm_format(ip, PEEK(spec ? 2 : 1), OPARG & 3,
                                spec ? TOP() : NULL),
                   spec ? 2 : 1);
        }
        TARGET(UNPACK_SEQUENCE) {
            rc_object *seq = POP();
            int r = rp_vm_unpack(ip, seq, OPARG, 0, false, sp);
            rc_decref(seq);
            if (r < 0)
                goto error;
            sp += OPARG;
            DISPATCH();
        }
        TARGET(UNPACK_EX) {
            size_t before = OPARG & 0xFF, after = OPARG >> 8;
            rc_object *seq = POP();
            int r = rp_vm_unpack(ip, seq, before, after, true, sp);
            rc_decref(seq);
            if (r < 0)
                goto error;
            sp += before + 1 + after;
            DISPATCH();
        }

        /* ---------------------------------------------- iteration and jumps */

        TARGET(GET_ITER) {
            FINISH(rc_iter(TOP()), 1);
        }
        TARGET(FOR_ITER) {
            rc_object *v = NULL;
            int r = rc_next(TOP(), &v);
            if (r > 0) {
                PUSH(v);
                DISPATCH();
            }
            if (r < 0)
                goto error;
            POP_N(1);
            pc = OPARG;
            DISPATCH();
        }
        TARGET(JUMP_FORWARD) {
            pc = OPARG;
            DISPATCH();
        }
        TARGET(JUMP_BACKWARD) {
            JUMP_TO(OPARG);
            DISPATCH();
        }
        TARGET(POP_JUMP_IF_FALSE) {
            rc_object *v = TOP();
            int t = v == ip->true_ ? 1 : v == ip->false_ ? 0 : rc_truth(v);
            if (t < 0)
                goto error;
            POP_N(1);
            if (!t)
                JUMP_TO(OPARG);
            DISPATCH();
        }
        TARGET(POP_JUMP_IF_TRUE) {
            rc_object *v = TOP();
            int t = v == ip->true_ ? 1 : v == ip->false_ ? 0 : rc_truth(v);
            if (t < 0)
                goto error;
            POP_N(1);
            if (t)
                JUMP_TO(OPARG);
            DISPATCH();
        }
        TARGET(POP_JUMP_IF_NONE) {
            bool none = TOP() == ip->none;
            POP_N(1);
            if (none)
                JUMP_TO(OPARG);
            DISPATCH();
        }
        TARGET(POP_JUMP_IF_NOT_NONE) {
            bool none = TOP() == ip->none;
            POP_N(1);
            if (!none)
                JUMP_TO(OPARG);
            DISPATCH();
        }
        TARGET(JUMP_IF_FALSE_OR_POP) {
            int t = rc_truth(TOP());
            if (t < 0)
                goto error;
            if (!t)
                pc = OPARG;
            else
                POP_N(1);
            DISPATCH();
        }
        TARGET(JUMP_IF_TRUE_OR_POP) {
            int t = rc_truth(TOP());
            if (t < 0)
                goto error;
            if (t)
                pc = OPARG;
            else
                POP_N(1);
            DISPATCH();
        }

        /* ------------------------------------------- calls and functions */

        TARGET(KW_NAMES) {
            kwnames = CONST(OPARG);
            DISPATCH();
        }
        TARGET(CALL) {
            size_t total = OPARG;
            rc_object **base = sp - total - 2;
            rc_object *callable = base[0], **args = base + 1;
            rc_object *kw = kwnames;
            size_t nkw = kw ? rc_tuple_size(kw) : 0;
            kwnames = NULL;
            if (callable) {
                total++;
            } else if ((callable = base[1])->type == &rp_method_type) {
                /* a bound method: call its function with self first */
                rp_method *m = (rp_method *)callable;
                base[0] = m->func;
                base[1] = m->self;
                rc_incref(m->func);
                rc_incref(m->self);
                rc_decref(callable);
                callable = base[0];
                total++;
            } else {
                args = base + 2;
            }
            rp_function *init;
            if (!kw && (init = inline_init(ip, callable, total))) {
                rc_object *obj = rc_new(rt, ((rp_class *)callable)->itype);
                if (!obj)
                    goto error;
                rp_frame *nf = rp_frame_push(ip, init->code);
                if (!nf) {
                    rc_decref(obj);
                    goto error;
                }
                rc_incref(&init->ob);
                rp_frame_init(nf, init->code, &init->ob, init->globals,
                              init->builtins, NULL, RP_FRAME_OWNED_BY_THREAD);
                rc_incref(obj);
                nf->localsplus[0] = obj;
                move_args(nf, init, 1, args, total);
                nf->is_init = 1;
                /* the class's reference gives way to the instance's, which
                 * waits there until __init__ returns */
                sp = base + 1;
                rc_object *cls = base[0] ? base[0] : base[1];
                base[0] = obj;
                rc_decref(cls);
                if (rp_frame_make_cells(ip, nf) < 0) {
                    rp_frame_clear(ip, nf);
                    rp_frame_pop(ip, nf);
                    goto error;
                }
                SAVE_SP();
                nf->previous = f;
                f = nf;
                goto start_frame;
            }
            if (callable->type == &rp_function_type &&
                !(((rp_function *)callable)->code->flags & RP_CO_GENERATOR)) {
                rp_function *fn = (rp_function *)callable;
                rp_frame *nf = rp_frame_push(ip, fn->code);
                if (!nf)
                    goto error;
                rp_frame_init(nf, fn->code, NULL, fn->globals, fn->builtins,
                              NULL, RP_FRAME_OWNED_BY_THREAD);
                if (!kw && simple_call(fn, total)) {
                    move_args(nf, fn, 0, args, total);
                } else {
                    if (rp_bind_args(ip, fn, nf, args, total - nkw, kw) < 0) {
                        rp_frame_clear(ip, nf);
                        rp_frame_pop(ip, nf);
                        goto error;
                    }
                    for (size_t i = 0; i < total; i++)
                        rc_decref(args[i]);
                }
                nf->func = callable; /* the stack's reference moves too */
                sp = base;
                if (rp_frame_make_cells(ip, nf) < 0) {
                    rp_frame_clear(ip, nf);
                    rp_frame_pop(ip, nf);
                    goto error;
                }
                SAVE_SP();
                nf->previous = f;
                f = nf;
                goto start_frame;
            }
            size_t npos = total - nkw;
            SAVE_SP();
            rc_object *res =
                callable->type == &rp_function_type
                    ? rp_function_call(ip, callable, args, npos, kw)
                    : rp_call(ip, callable, args, npos, kw);
            while (sp > base) {
                rc_object *v = POP();
                rc_xdecref(v);
            }
            if (!res)
                goto error;
            PUSH(res);
            DISPATCH();
        }
        TARGET(CALL_FUNCTION_EX) {
            bool kw = OPARG & 1;
            SAVE_SP();
            FINISH(rp_vm_call_ex(ip, PEEK(kw ? 3 : 2), PEEK(kw ? 2 : 1),
                                 kw ? TOP() : NULL),
                   kw ? 4 : 3);
        }
        TARGET(MAKE_FUNCTION) {
            uint32_t flags = OPARG;
            size_t below =
                (flags & 1) + ((flags >> 1) & 1) + ((flags >> 3) & 1);
            rc_object *fn = make_function(ip, f, TOP(), flags, sp - 1);
            if (!fn)
                goto error;
            POP_N(1);    /* the code */
            sp -= below; /* stolen by the function */
            PUSH(fn);
            DISPATCH();
        }
        TARGET(RETURN_VALUE) {
            rc_object *retval = POP();
            SAVE_SP();
            rc_recursion_leave(rt);
            bool init = f->is_init;
            rp_frame *caller = leave_frame(ip, f);
            if (!caller)
                return retval;
            f = caller;
            LOAD_FRAME();
            if (init) {
                /* the instance is on the stack already (CALL above); the
                 * error is the class call's, in the caller */
                if (retval != ip->none)
                    rp_raise(ip, ip->exc.TypeError,
                             "__init__() should return None, not '%s'",
                             rp_tname(retval));
                bool ok = retval == ip->none;
                rc_decref(retval);
                if (!ok)
                    goto error;
                DISPATCH();
            }
            PUSH(retval);
            DISPATCH();
        }
        TARGET(LOAD_BUILD_CLASS) {
            FINISH(load_build_class(ip, f), 0);
        }

        /* ------------------------------------------------------- generators */

        TARGET(YIELD_VALUE) {
            rc_object *v = POP();
            SAVE_SP();
            rc_recursion_leave(rt);
            ip->frame = f->previous;
            f->previous = NULL;
            return v;
        }
        TARGET(SEND) {
            rc_object *out = NULL;
            int r = send_step(ip, PEEK(2), TOP(), &out);
            if (r < 0)
                goto error;
            POP_N(1);
            if (r == 0) {
                POP_N(1);
                pc = OPARG;
            }
            PUSH(out);
            DISPATCH();
        }
        TARGET(GET_YIELD_FROM_ITER) {
            if (TOP()->type != &rp_gen_type) {
                rc_object *it = rc_iter(TOP());
                if (!it)
                    goto error;
                POP_N(1);
                PUSH(it);
            }
            DISPATCH();
        }

        /* ------------------------------------------------------- exceptions */

        TARGET(RAISE_VARARGS) {
            uint32_t n = OPARG;
            if (n == 0) { /* bare raise: no new traceback entry */
                if (!ip->exc_info) {
                    rp_raise(ip, ip->exc.RuntimeError,
                             "No active exception to reraise");
                    goto error;
                }
                rc_incref(ip->exc_info);
                rp_err_restore(ip, ip->exc_info);
                goto exception_unwind;
            }
            if (n == 1)
                rp_raise_object(ip, TOP());
            else
                rp_raise_from(ip, PEEK(2), TOP());
            POP_N(n);
            goto error;
        }
        TARGET(RERAISE) {
            rc_object *exc = POP();
            if (OPARG) {
                int64_t lasti = 0;
                if (rc_int_to_i64(PEEK(OPARG), &lasti) == 0)
                    f->lasti = (uint32_t)lasti;
            }
            rp_err_restore(ip, exc);
            goto exception_unwind;
        }
        TARGET(PUSH_EXC_INFO) {
            rc_object *exc = TOP();
            rc_object *prev = ip->exc_info ? ip->exc_info : rp_none(ip);
            rc_incref(exc);
            ip->exc_info = exc;
            TOP() = prev;
            PUSH(exc);
            DISPATCH();
        }
        TARGET(POP_EXCEPT) {
            rc_object *prev = POP();
            rc_object *old = ip->exc_info;
            ip->exc_info = prev == ip->none ? NULL : prev;
            rc_xdecref(old);
            DISPATCH();
        }
        TARGET(CHECK_EXC_MATCH) {
            if (rp_vm_check_except_type(ip, TOP()) < 0)
                goto error;
            bool m = rp_vm_exc_matches(ip, PEEK(2), TOP());
            POP_N(1);
            PUSH(rp_bool(ip, m));
            DISPATCH();
        }
        TARGET(LOAD_ASSERTION_ERROR) {
            rc_object *cls = &ip->exc.AssertionError->ob;
            rc_incref(cls);
            PUSH(cls);
            DISPATCH();
        }
        TARGET(BEFORE_WITH) {
            rc_object *exit = NULL, *entered = NULL;
            if (rp_vm_before_with(ip, TOP(), &exit, &entered) < 0)
                goto error;
            POP_N(1);
            PUSH(exit);
            PUSH(entered);
            DISPATCH();
        }
        TARGET(WITH_EXCEPT_START) {
            rc_object *exc = TOP();
            rc_object *tb = NULL;
            if (rp_is_instance(exc, ip->exc.BaseException))
                tb = ((rp_exc *)exc)->traceback;
            rc_object *argv[3] = {&rp_type_of(exc)->ob, exc,
                                  tb ? tb : ip->none};
            SAVE_SP();
            FINISH(rp_call(ip, PEEK(4), argv, 3, NULL), 0);
        }

        /* ---------------------------------------------------------- modules */

        TARGET(IMPORT_NAME) {
            int level = 0;
            if (import_level(ip, PEEK(2), &level) < 0)
                goto error;
            SAVE_SP();
            FINISH(rp_import(ip, NAME(OPARG), f->globals, TOP(), level), 2);
        }
        TARGET(IMPORT_FROM) {
            FINISH(rp_import_from(ip, TOP(), NAME(OPARG)), 0);
        }
        TARGET(IMPORT_STAR) {
            SAVE_SP();
            FINISH_STATUS(rp_import_star(ip, TOP(), f->locals), 1);
        }
        TARGET(PRINT_EXPR) {
            FINISH_STATUS(rp_vm_print_expr(ip, TOP()), 1);
        }

#if USE_COMPUTED_GOTO
    op_unknown:
#else
default:
#endif
        rp_raise(ip, ip->exc.SystemError, "unknown opcode %u",
                 RP_OPCODE(instr));
        goto error;
#if !USE_COMPUTED_GOTO
    }
#endif

    /* ------------------------------------------------------- unwinding */

error:
    rp_traceback_here(ip, f);
exception_unwind : {
    const rp_exc_entry *h = find_handler(f->code, pc - 1);
    if (h) {
        while (sp > stack_base + h->depth) {
            rc_object *v = POP();
            rc_xdecref(v);
        }
        if (h->lasti) {
            rc_object *lasti = rc_int_from_i64(rt, f->lasti);
            if (!lasti)
                goto exit_frame; /* MemoryError replaced the exception */
            PUSH(lasti);
        }
        PUSH(rp_err_fetch(ip));
        kwnames = NULL;
        pc = h->target;
        DISPATCH();
    }
}
exit_frame:
    while (sp > stack_base) {
        rc_object *v = POP();
        rc_xdecref(v);
    }
    SAVE_SP();
    rc_recursion_leave(rt);
    {
        rp_frame *caller = leave_frame(ip, f);
        if (!caller)
            return NULL;
        f = caller;
    }
    LOAD_FRAME();
    goto error; /* the caller's call failed: its own traceback entry */
}
