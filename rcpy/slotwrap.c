/*
 * slotwrap.c — slot wrappers: the dunders of builtin classes made from the
 * slots of their rc_protocol tables (`int.__add__`, `list.__len__`,
 * `object.__repr__`, `type.__call__` ...), and method-wrappers, their bound
 * form (`(1).__add__`).
 *
 * A wrapper descriptor names one row of the slot table below and the slot
 * table (rc_protocol) of the class it belongs to; calling it unpacks the
 * Python arguments, calls that class's slot and boxes the result. The
 * instance slots (instance_slots.c) recognise wrappers found on a class and
 * call the slot directly, so inherited builtin behaviour costs no boxing.
 *
 * Invariant: a wrapper exists only for a slot its table fills (the row's
 * offset points at a non-NULL function), so calling one never finds a
 * missing slot.
 */
#include "objmodel.h"

#include <stdint.h>
#include <string.h>

/* ====================================================================== */
/* Argument checks                                                        */
/* ====================================================================== */

static int check_nargs(rp_interp *ip, const rp_slotdef *sd, size_t nargs,
                       rc_object *kwnames) {
    if (sd->nargs == -1)
        return 0;
    if (rp_kwcount(kwnames))
        return rp_raise(ip, ip->exc.TypeError,
                        "wrapper %s() takes no keyword arguments", sd->name);
    if (sd->nargs == -2) { /* __pow__(other, mod=None) */
        if (nargs < 1)
            return rp_raise(ip, ip->exc.TypeError,
                            "expected at least 1 argument, got %zu", nargs);
        if (nargs > 2)
            return rp_raise(ip, ip->exc.TypeError,
                            "expected at most 2 arguments, got %zu", nargs);
        return 0;
    }
    if (nargs != (size_t)sd->nargs)
        return rp_raise(ip, ip->exc.TypeError,
                        "expected %d argument%s, got %zu", sd->nargs,
                        sd->nargs == 1 ? "" : "s", nargs);
    return 0;
}

static rc_object *int_or_null(rp_interp *ip, int64_t v, bool ok) {
    return ok ? rc_int_from_i64(ip->rt, v) : NULL;
}

/* ====================================================================== */
/* The wrap functions: Python arguments in, one slot called               */
/* ====================================================================== */

#define WRAP(name)                                                             \
    static rc_object *name(rp_interp *ip, const rp_slotdef *sd,                \
                           const rc_protocol *p, rc_object *self,              \
                           rc_object *const *args, size_t nargs,               \
                           rc_object *kwnames)

WRAP(wrap_repr) {
    return p->repr(self);
}

WRAP(wrap_str) {
    return p->str(self);
}

WRAP(wrap_format) {
    if (!rc_is_str(args[0])) {
        rp_raise(ip, ip->exc.TypeError,
                 "__format__() argument must be str, not %s",
                 rp_tname(args[0]));
        return NULL;
    }
    return p->format(self, args[0]);
}

WRAP(wrap_hash) {
    int64_t h;
    return int_or_null(ip, h, p->hash(self, &h) >= 0);
}

WRAP(wrap_cmp) {
    return p->richcompare(self, rp_operand(p, args[0]), (rc_cmp)sd->op);
}

WRAP(wrap_truth) {
    int r = p->truth(self);
    return r < 0 ? NULL : rp_new_ref(rp_bool(ip, r));
}

WRAP(wrap_len) {
    ptrdiff_t n = p->len(self);
    return int_or_null(ip, n, n >= 0);
}

WRAP(wrap_getitem) {
    return p->getitem(self, args[0]);
}

WRAP(wrap_setitem) {
    return p->setitem(self, args[0], args[1]) < 0 ? NULL : rp_new_ref(ip->none);
}

WRAP(wrap_delitem) {
    return p->delitem(self, args[0]) < 0 ? NULL : rp_new_ref(ip->none);
}

WRAP(wrap_contains) {
    int r = p->contains(self, args[0]);
    return r < 0 ? NULL : rp_new_ref(rp_bool(ip, r));
}

WRAP(wrap_iter) {
    return p->iter(self);
}

WRAP(wrap_next) {
    rc_object *item = NULL;
    int r = p->next(self, &item);
    if (r > 0)
        return item;
    if (r == 0)
        rp_raise_stopiteration(ip, NULL);
    return NULL;
}

WRAP(wrap_call) {
    return p->call(self, args, nargs, kwnames);
}

WRAP(wrap_getattr) {
    if (rp_check_attr_name(ip, args[0]) < 0)
        return NULL;
    return p->getattr(self, args[0]);
}

/* object.__setattr__ must not bypass type.__setattr__ (CPython's
 * hackcheck). */
static int hackcheck(rp_interp *ip, const rc_protocol *p, rc_object *self,
                     const char *what) {
    if (p == &rp_object_protocol && rp_is_class(self))
        return rp_raise(ip, ip->exc.TypeError,
                        "can't apply this %s to type object", what);
    return 0;
}

WRAP(wrap_setattr) {
    if (rp_check_attr_name(ip, args[0]) < 0 ||
        hackcheck(ip, p, self, "__setattr__") < 0 ||
        p->setattr(self, args[0], args[1]) < 0)
        return NULL;
    return rp_new_ref(ip->none);
}

WRAP(wrap_delattr) {
    if (rp_check_attr_name(ip, args[0]) < 0 ||
        hackcheck(ip, p, self, "__delattr__") < 0 ||
        p->delattr(self, args[0]) < 0)
        return NULL;
    return rp_new_ref(ip->none);
}

/* x.__pow__(y, m): the library has no three-operand slot; builtins.pow
 * does the modular form. */
static rc_object *pow3(rp_interp *ip, rc_object *x, rc_object *y,
                       rc_object *m) {
    rc_object *key = rc_str_intern(ip->rt, "pow");
    rc_object *f =
        key && ip->builtins ? rc_dict_getitem(ip->builtins, key) : NULL;
    rc_xdecref(key);
    if (!f)
        return rc_notimplemented(ip->rt);
    rc_object *args[3] = {x, y, m};
    return rp_call(ip, f, args, 3, NULL);
}

WRAP(wrap_binop) {
    rc_object *other = rp_operand(p, args[0]);
    if (nargs == 2 && args[1] != ip->none)
        return pow3(ip, self, other, args[1]);
    return p->binop(self, other, (rc_binop)sd->op);
}

WRAP(wrap_rbinop) {
    rc_object *other = rp_operand(p, args[0]);
    if (nargs == 2 && args[1] != ip->none)
        return pow3(ip, other, self, args[1]);
    return p->binop(other, self, (rc_binop)sd->op);
}

WRAP(wrap_inplace) {
    return p->inplace(self, rp_operand(p, args[0]), (rc_binop)sd->op);
}

WRAP(wrap_unop) {
    return p->unop(self, (rc_unop)sd->op);
}

WRAP(wrap_object_init) {
    if (rp_object_init_check(ip, self, nargs, kwnames) < 0)
        return NULL;
    return rp_new_ref(ip->none);
}

WRAP(wrap_type_init) {
    if (rp_type_init_check(ip, nargs, kwnames) < 0)
        return NULL;
    return rp_new_ref(ip->none);
}

/* __get__, __set__, __delete__ of builtin classes with C descriptor
 * hooks (function.__get__ ...). */
WRAP(wrap_descr_get) {
    if (rp_kwcount(kwnames) || nargs < 1 || nargs > 2) {
        rp_raise(ip, ip->exc.TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    rc_object *obj = args[0] == ip->none ? NULL : args[0];
    rc_object *type = nargs > 1 && args[1] != ip->none ? args[1] : NULL;
    if (!obj && !type) {
        rp_raise(ip, ip->exc.TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    if (type && !rp_is_class(type)) {
        rp_raise(ip, ip->exc.TypeError,
                 "__get__(obj, type): type must be a type");
        return NULL;
    }
    rp_class *t = type ? (rp_class *)type : rp_type_of(obj);
    return rp_type_of(self)->get(ip, self, obj, t);
}

WRAP(wrap_descr_set) {
    return rp_type_of(self)->set(ip, self, args[0], args[1]) < 0
               ? NULL
               : rp_new_ref(ip->none);
}

WRAP(wrap_descr_delete) {
    return rp_type_of(self)->set(ip, self, args[0], NULL) < 0
               ? NULL
               : rp_new_ref(ip->none);
}

/* ====================================================================== */
/* The table                                                              */
/* ====================================================================== */

#define SLOT(field) offsetof(rc_protocol, field)
#define NOSLOT      SIZE_MAX

#define CMP(n, op)                                                             \
    { n, wrap_cmp, SLOT(richcompare), op, 1 }
#define BIN(n, rn, op)                                                         \
    {n, wrap_binop, SLOT(binop), op, 1}, {                                     \
        rn, wrap_rbinop, SLOT(binop), op, 1                                    \
    }
#define INPL(n, op)                                                            \
    { n, wrap_inplace, SLOT(inplace), op, 1 }
#define UN(n, op)                                                              \
    { n, wrap_unop, SLOT(unop), op, 0 }

static const rp_slotdef slotdefs[] = {
    {"__repr__", wrap_repr, SLOT(repr), 0, 0},
    {"__str__", wrap_str, SLOT(str), 0, 0},
    {"__format__", wrap_format, SLOT(format), 0, 1},
    {"__hash__", wrap_hash, SLOT(hash), 0, 0},
    CMP("__lt__", RC_LT),
    CMP("__le__", RC_LE),
    CMP("__eq__", RC_EQ),
    CMP("__ne__", RC_NE),
    CMP("__gt__", RC_GT),
    CMP("__ge__", RC_GE),
    {"__bool__", wrap_truth, SLOT(truth), 0, 0},
    {"__len__", wrap_len, SLOT(len), 0, 0},
    {"__getitem__", wrap_getitem, SLOT(getitem), 0, 1},
    {"__setitem__", wrap_setitem, SLOT(setitem), 0, 2},
    {"__delitem__", wrap_delitem, SLOT(delitem), 0, 1},
    {"__contains__", wrap_contains, SLOT(contains), 0, 1},
    {"__iter__", wrap_iter, SLOT(iter), 0, 0},
    {"__next__", wrap_next, SLOT(next), 0, 0},
    {"__call__", wrap_call, SLOT(call), 0, -1},
    {"__getattribute__", wrap_getattr, SLOT(getattr), 0, 1},
    {"__setattr__", wrap_setattr, SLOT(setattr), 0, 2},
    {"__delattr__", wrap_delattr, SLOT(delattr), 0, 1},
    BIN("__add__", "__radd__", RC_OP_ADD),
    BIN("__sub__", "__rsub__", RC_OP_SUB),
    BIN("__mul__", "__rmul__", RC_OP_MUL),
    BIN("__matmul__", "__rmatmul__", RC_OP_MATMUL),
    BIN("__truediv__", "__rtruediv__", RC_OP_TRUEDIV),
    BIN("__floordiv__", "__rfloordiv__", RC_OP_FLOORDIV),
    BIN("__mod__", "__rmod__", RC_OP_MOD),
    BIN("__divmod__", "__rdivmod__", RC_OP_DIVMOD),
    {"__pow__", wrap_binop, SLOT(binop), RC_OP_POW, -2},
    {"__rpow__", wrap_rbinop, SLOT(binop), RC_OP_POW, -2},
    BIN("__lshift__", "__rlshift__", RC_OP_LSHIFT),
    BIN("__rshift__", "__rrshift__", RC_OP_RSHIFT),
    BIN("__and__", "__rand__", RC_OP_AND),
    BIN("__or__", "__ror__", RC_OP_OR),
    BIN("__xor__", "__rxor__", RC_OP_XOR),
    INPL("__iadd__", RC_OP_ADD),
    INPL("__isub__", RC_OP_SUB),
    INPL("__imul__", RC_OP_MUL),
    INPL("__imatmul__", RC_OP_MATMUL),
    INPL("__itruediv__", RC_OP_TRUEDIV),
    INPL("__ifloordiv__", RC_OP_FLOORDIV),
    INPL("__imod__", RC_OP_MOD),
    INPL("__ipow__", RC_OP_POW),
    INPL("__ilshift__", RC_OP_LSHIFT),
    INPL("__irshift__", RC_OP_RSHIFT),
    INPL("__iand__", RC_OP_AND),
    INPL("__ior__", RC_OP_OR),
    INPL("__ixor__", RC_OP_XOR),
    UN("__neg__", RC_OP_NEG),
    UN("__pos__", RC_OP_POS),
    UN("__abs__", RC_OP_ABS),
    UN("__invert__", RC_OP_INVERT),
    {NULL},
};

const rp_slotdef rp_object_init_slot = {"__init__", wrap_object_init, NOSLOT, 0,
                                        -1};
const rp_slotdef rp_type_init_slot = {"__init__", wrap_type_init, NOSLOT, 0,
                                      -1};
static const rp_slotdef descr_hook_slots[] = {
    {"__get__", wrap_descr_get, NOSLOT, 0, -1},
    {"__set__", wrap_descr_set, NOSLOT, 0, 2},
    {"__delete__", wrap_descr_delete, NOSLOT, 0, 1},
};

static const void *slot_fn(const rc_protocol *p, const rp_slotdef *sd) {
    if (!p || sd->offset == NOSLOT)
        return NULL;
    const void *fn;
    memcpy(&fn, (const char *)p + sd->offset, sizeof fn);
    return fn;
}

static const rp_slotdef *find_slotdef(const char *name) {
    for (const rp_slotdef *sd = slotdefs; sd->name; sd++)
        if (strcmp(sd->name, name) == 0)
            return sd;
    return NULL;
}

/* ====================================================================== */
/* Wrapper descriptors                                                    */
/* ====================================================================== */

static rc_object *wrapper_new(rp_interp *ip, const rp_slotdef *sd,
                              rp_class *cls, const rc_protocol *impl) {
    rp_wrapperdescr *w =
        (rp_wrapperdescr *)rc_new(ip->rt, &rp_wrapperdescr_type);
    if (!w)
        return NULL;
    w->sd = sd;
    w->impl = impl;
    rc_incref(&cls->ob);
    w->cls = cls;
    return &w->ob;
}

int rp_add_wrapper(rp_interp *ip, rp_class *cls, const rp_slotdef *sd,
                   const rc_protocol *impl) {
    return rp_class_add_object(ip, cls, sd->name,
                               wrapper_new(ip, sd, cls, impl));
}

int rp_add_slot_wrapper(rp_interp *ip, rp_class *cls, const char *name,
                        const rc_protocol *impl) {
    const rp_slotdef *sd = find_slotdef(name);
    if (!sd || !slot_fn(impl, sd))
        return rc_set_error(ip->rt, RC_EINVAL, "rcpy: no slot for %s", name);
    return rp_add_wrapper(ip, cls, sd, impl);
}

/* The library's hash slot of unhashable containers (list's), learned from
 * a list since the library does not export it; NULL without memory. */
static const void *unhashable_slot(rp_interp *ip) {
    rc_object *probe = rc_list_new(ip->rt);
    if (!probe)
        return NULL;
    const void *fn = slot_fn(probe->type->protocol, find_slotdef("__hash__"));
    rc_decref(probe);
    return fn;
}

/* A class whose table fills the hash slot with the library's "unhashable
 * type" function gets __hash__ = None, as CPython's list/dict/set have. */
static int add_one(rp_interp *ip, rp_class *cls, const rp_slotdef *sd,
                   const rc_protocol *impl, const void *fn) {
    if (strcmp(sd->name, "__hash__") == 0 && fn == unhashable_slot(ip))
        return rp_class_add_object(ip, cls, sd->name, rp_new_ref(ip->none));
    return rp_add_wrapper(ip, cls, sd, impl);
}

int rp_add_slot_wrappers(rp_interp *ip, rp_class *cls, const rc_protocol *impl,
                         const rc_protocol *base_impl) {
    for (const rp_slotdef *sd = slotdefs; sd->name; sd++) {
        const void *fn = slot_fn(impl, sd);
        if (fn && fn != slot_fn(base_impl, sd) &&
            add_one(ip, cls, sd, impl, fn) < 0)
            return -1;
    }
    return 0;
}

rc_object *rp_wrapper_call(rp_interp *ip, rp_wrapperdescr *w, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    if (check_nargs(ip, w->sd, nargs, kwnames) < 0)
        return NULL;
    rc_object *target = w->impl ? rp_self_for(w->cls, self) : self;
    rc_object *r =
        w->sd->wrap(ip, w->sd, w->impl, target, args, nargs, kwnames);
    if (r == target && target != self) { /* __iadd__ returning self */
        rc_decref(r);
        r = rp_new_ref(self);
    }
    return r;
}

static int wrapper_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rp_wrapperdescr *w = (rp_wrapperdescr *)o;
    return w->cls ? visit(&w->cls->ob, arg) : 0;
}

static int wrapper_clear(rc_object *o) {
    rp_wrapperdescr *w = (rp_wrapperdescr *)o;
    rp_class *c = w->cls;
    w->cls = NULL;
    if (c)
        rc_decref(&c->ob);
    return 0;
}

static const char *owner_name(const rp_wrapperdescr *w) {
    return w->cls ? rp_class_name(w->cls) : "?";
}

static rc_object *wrapper_repr(rc_object *o) {
    rp_wrapperdescr *w = (rp_wrapperdescr *)o;
    return rc_str_from_format(rc_runtime_of(o),
                              "<slot wrapper '%s' of '%s' objects>",
                              w->sd->name, owner_name(w));
}

/* Called unbound: wrapper(self, *args). */
static rc_object *wrapper_call_slot(rc_object *o, rc_object *const *args,
                                    size_t nargs, rc_object *kwnames) {
    rp_interp *ip = rp_interp_of(o);
    rp_wrapperdescr *w = (rp_wrapperdescr *)o;
    if (nargs < 1) {
        rp_raise(ip, ip->exc.TypeError,
                 "descriptor '%s' of '%s' object needs an argument",
                 w->sd->name, owner_name(w));
        return NULL;
    }
    if (w->cls && !rp_is_instance(args[0], w->cls)) {
        rp_raise(ip, ip->exc.TypeError,
                 "descriptor '%s' requires a '%s' object but received a '%s'",
                 w->sd->name, owner_name(w), rp_tname(args[0]));
        return NULL;
    }
    return rp_wrapper_call(ip, w, args[0], args + 1, nargs - 1, kwnames);
}

static const rc_protocol wrapper_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = wrapper_repr,
    .call = wrapper_call_slot,
};

const rc_type rp_wrapperdescr_type = {
    .name = "wrapper_descriptor",
    .basicsize = sizeof(rp_wrapperdescr),
    .flags = RC_TYPE_GC,
    .traverse = wrapper_traverse,
    .clear = wrapper_clear,
    .protocol = &wrapper_protocol,
};

static rc_object *methodwrapper_new(rp_interp *ip, rc_object *descr,
                                    rc_object *self) {
    rp_methodwrapper *m =
        (rp_methodwrapper *)rc_new(ip->rt, &rp_methodwrapper_type);
    if (!m)
        return NULL;
    rc_incref(descr);
    rc_incref(self);
    m->descr = descr;
    m->self = self;
    return &m->ob;
}

static rc_object *wrapper_get(rp_interp *ip, rc_object *descr, rc_object *obj,
                              rp_class *type) {
    rp_wrapperdescr *w = (rp_wrapperdescr *)descr;
    if (!obj)
        return rp_new_ref(descr);
    if (w->cls && !rp_is_instance(obj, w->cls)) {
        rp_raise(ip, ip->exc.TypeError,
                 "descriptor '%s' for '%s' objects doesn't apply to a '%s' "
                 "object",
                 w->sd->name, owner_name(w), rp_tname(obj));
        return NULL;
    }
    return methodwrapper_new(ip, descr, obj);
}

/* ====================================================================== */
/* Method-wrappers                                                        */
/* ====================================================================== */

static int mw_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rp_methodwrapper *m = (rp_methodwrapper *)o;
    int r = m->descr ? visit(m->descr, arg) : 0;
    return r ? r : (m->self ? visit(m->self, arg) : 0);
}

static int mw_clear(rc_object *o) {
    rp_methodwrapper *m = (rp_methodwrapper *)o;
    rc_object *d = m->descr, *s = m->self;
    m->descr = m->self = NULL;
    rc_xdecref(d);
    rc_xdecref(s);
    return 0;
}

static rc_object *mw_repr(rc_object *o) {
    rp_methodwrapper *m = (rp_methodwrapper *)o;
    rp_wrapperdescr *w = (rp_wrapperdescr *)m->descr;
    if (!w || !m->self)
        return rc_str_from_cstr(rc_runtime_of(o), "<method-wrapper>");
    return rc_str_from_format(rc_runtime_of(o),
                              "<method-wrapper '%s' of %s object at %p>",
                              w->sd->name, rp_tname(m->self), (void *)m->self);
}

static rc_object *mw_call(rc_object *o, rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    rp_interp *ip = rp_interp_of(o);
    rp_methodwrapper *m = (rp_methodwrapper *)o;
    return rp_wrapper_call(ip, (rp_wrapperdescr *)m->descr, m->self, args,
                           nargs, kwnames);
}

static rc_object *mw_richcompare(rc_object *a, rc_object *b, rc_cmp op) {
    if ((op != RC_EQ && op != RC_NE) || a->type != b->type)
        return rc_notimplemented(rc_runtime_of(a));
    rp_methodwrapper *x = (rp_methodwrapper *)a, *y = (rp_methodwrapper *)b;
    bool eq = x->descr == y->descr && x->self == y->self;
    return rp_new_ref(rp_bool(rp_interp_of(a), op == RC_EQ ? eq : !eq));
}

static int mw_hash(rc_object *o, int64_t *out) {
    rp_methodwrapper *m = (rp_methodwrapper *)o;
    *out = rc_hash_identity(m->self) ^ rc_hash_identity(m->descr);
    if (*out == -1)
        *out = -2;
    return 0;
}

static const rc_protocol mw_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = mw_repr,
    .call = mw_call,
    .richcompare = mw_richcompare,
    .hash = mw_hash,
};

const rc_type rp_methodwrapper_type = {
    .name = "method-wrapper",
    .basicsize = sizeof(rp_methodwrapper),
    .flags = RC_TYPE_GC,
    .traverse = mw_traverse,
    .clear = mw_clear,
    .protocol = &mw_protocol,
};

/* The row of a builtin class's __get__/__set__/__delete__ hook, or NULL
 * when the class has no such hook. */
static const rp_slotdef *hook_slotdef(const rp_class *c, rc_object *name) {
    const char *s = rc_str_utf8(name);
    if (c->get && strcmp(s, "__get__") == 0)
        return &descr_hook_slots[0];
    if (c->set && strcmp(s, "__set__") == 0)
        return &descr_hook_slots[1];
    if (c->set && strcmp(s, "__delete__") == 0)
        return &descr_hook_slots[2];
    return NULL;
}

rc_object *rp_descr_hook_slot(rp_interp *ip, rp_class *c, rc_object *name) {
    const rp_slotdef *sd = hook_slotdef(c, name);
    return sd ? wrapper_new(ip, sd, c, NULL) : NULL;
}

rc_object *rp_descr_hook_wrapper(rp_interp *ip, rc_object *o, rc_object *name) {
    rc_object *w = rp_descr_hook_slot(ip, rp_type_of(o), name);
    if (!w)
        return NULL;
    rc_object *m = methodwrapper_new(ip, w, o);
    rc_decref(w);
    return m;
}

/* ====================================================================== */
/* Attributes and registration                                            */
/* ====================================================================== */

static rc_object *wrapper_name(rp_interp *ip, rc_object *self) {
    return rp_str(ip, ((rp_wrapperdescr *)self)->sd->name);
}

static rc_object *wrapper_qualname(rp_interp *ip, rc_object *self) {
    rp_wrapperdescr *w = (rp_wrapperdescr *)self;
    return rc_str_from_format(ip->rt, "%s.%s", owner_name(w), w->sd->name);
}

static rc_object *wrapper_objclass(rp_interp *ip, rc_object *self) {
    rp_wrapperdescr *w = (rp_wrapperdescr *)self;
    return rp_new_ref(w->cls ? &w->cls->ob : ip->none);
}

static const rp_getsetdef wrapper_getsets[] = {
    {"__name__", wrapper_name, NULL, NULL},
    {"__qualname__", wrapper_qualname, NULL, NULL},
    {"__objclass__", wrapper_objclass, NULL, NULL},
    {NULL},
};

static rc_object *mw_self(rp_interp *ip, rc_object *self) {
    rc_object *s = ((rp_methodwrapper *)self)->self;
    return rp_new_ref(s ? s : ip->none);
}

static rc_object *mw_name(rp_interp *ip, rc_object *self) {
    rp_methodwrapper *m = (rp_methodwrapper *)self;
    return m->descr ? wrapper_name(ip, m->descr) : rp_str(ip, "?");
}

static rc_object *mw_qualname(rp_interp *ip, rc_object *self) {
    rp_methodwrapper *m = (rp_methodwrapper *)self;
    return m->descr ? wrapper_qualname(ip, m->descr) : rp_str(ip, "?");
}

static const rp_getsetdef mw_getsets[] = {
    {"__self__", mw_self, NULL, NULL},
    {"__name__", mw_name, NULL, NULL},
    {"__qualname__", mw_qualname, NULL, NULL},
    {NULL},
};

int rp_init_slotwrap(rp_interp *ip) {
    rp_class *w = rp_class_new_builtin(
        ip, "wrapper_descriptor", &rp_wrapperdescr_type, NULL, NULL, NULL, 0);
    rp_class *mw = rp_class_new_builtin(
        ip, "method-wrapper", &rp_methodwrapper_type, NULL, NULL, NULL, 0);
    if (!w || !mw || rp_class_add_getsets(ip, w, wrapper_getsets) < 0 ||
        rp_class_add_getsets(ip, mw, mw_getsets) < 0)
        return -1;
    w->get = wrapper_get;
    ip->cls.wrapper = w;
    rp_objstate_of(ip)->methodwrapper_cls = mw;
    return 0;
}
