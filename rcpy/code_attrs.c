/*
 * code_attrs.c — what Python code sees of a code object: co_name,
 * co_qualname, co_filename, co_firstlineno, the argument counts, co_flags,
 * co_nlocals, co_stacksize, co_consts, co_names, co_varnames, co_cellvars
 * and co_freevars, as read-only getset descriptors on the class `code`
 * (which rp_init_funcs registers; rp_init_code adds these to it).
 *
 * Kept apart from code.c so that the compiler's tests, which never make an
 * interpreter, do not need the class machinery.
 */
#include "compile.h"

static rp_code *co_of(rc_object *self) {
    return (rp_code *)self;
}

static rc_object *held(rc_object *o) {
    rc_incref(o);
    return o;
}

static rc_object *uint_value(rp_interp *ip, uint32_t v) {
    return rc_int_from_i64(ip->rt, (int64_t)v);
}

/* The names of the slots whose kind has `kind`. */
static rc_object *slot_names(rp_interp *ip, const rp_code *co, uint8_t kind) {
    size_t n = 0;
    for (uint32_t i = 0; i < co->nlocalsplus; i++)
        n += (co->localspluskinds[i] & kind) != 0;
    rc_object *t = rc_tuple_new(ip->rt, n);
    for (uint32_t i = 0, k = 0; t && i < co->nlocalsplus; i++) {
        if (!(co->localspluskinds[i] & kind))
            continue;
        rc_tuple_init_item(t, k++, held(rc_tuple_get(co->localsplusnames, i)));
    }
    return t;
}

static rc_object *get_name(rp_interp *ip, rc_object *self) {
    (void)ip;
    return held(co_of(self)->name);
}

static rc_object *get_qualname(rp_interp *ip, rc_object *self) {
    (void)ip;
    return held(co_of(self)->qualname);
}

static rc_object *get_filename(rp_interp *ip, rc_object *self) {
    (void)ip;
    return held(co_of(self)->filename);
}

static rc_object *get_consts(rp_interp *ip, rc_object *self) {
    (void)ip;
    return held(co_of(self)->consts);
}

static rc_object *get_names(rp_interp *ip, rc_object *self) {
    (void)ip;
    return held(co_of(self)->names);
}

static rc_object *get_firstlineno(rp_interp *ip, rc_object *self) {
    return uint_value(ip, co_of(self)->firstlineno);
}

static rc_object *get_argcount(rp_interp *ip, rc_object *self) {
    return uint_value(ip, co_of(self)->argcount);
}

static rc_object *get_posonlyargcount(rp_interp *ip, rc_object *self) {
    return uint_value(ip, co_of(self)->posonlyargcount);
}

static rc_object *get_kwonlyargcount(rp_interp *ip, rc_object *self) {
    return uint_value(ip, co_of(self)->kwonlyargcount);
}

static rc_object *get_flags(rp_interp *ip, rc_object *self) {
    return uint_value(ip, co_of(self)->flags);
}

static rc_object *get_stacksize(rp_interp *ip, rc_object *self) {
    return uint_value(ip, co_of(self)->stacksize);
}

static rc_object *get_nlocals(rp_interp *ip, rc_object *self) {
    const rp_code *co = co_of(self);
    uint32_t n = 0;
    for (uint32_t i = 0; i < co->nlocalsplus; i++)
        n += (co->localspluskinds[i] & RP_FAST_LOCAL) != 0;
    return uint_value(ip, n);
}

static rc_object *get_varnames(rp_interp *ip, rc_object *self) {
    return slot_names(ip, co_of(self), RP_FAST_LOCAL);
}

static rc_object *get_cellvars(rp_interp *ip, rc_object *self) {
    return slot_names(ip, co_of(self), RP_FAST_CELL);
}

static rc_object *get_freevars(rp_interp *ip, rc_object *self) {
    return slot_names(ip, co_of(self), RP_FAST_FREE);
}

static const rp_getsetdef code_getsets[] = {
    {"co_name", get_name, NULL, NULL},
    {"co_qualname", get_qualname, NULL, NULL},
    {"co_filename", get_filename, NULL, NULL},
    {"co_firstlineno", get_firstlineno, NULL, NULL},
    {"co_argcount", get_argcount, NULL, NULL},
    {"co_posonlyargcount", get_posonlyargcount, NULL, NULL},
    {"co_kwonlyargcount", get_kwonlyargcount, NULL, NULL},
    {"co_flags", get_flags, NULL, NULL},
    {"co_stacksize", get_stacksize, NULL, NULL},
    {"co_nlocals", get_nlocals, NULL, NULL},
    {"co_consts", get_consts, NULL, NULL},
    {"co_names", get_names, NULL, NULL},
    {"co_varnames", get_varnames, NULL, NULL},
    {"co_cellvars", get_cellvars, NULL, NULL},
    {"co_freevars", get_freevars, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

int rp_init_code(rp_interp *ip) {
    if (!ip->cls.code)
        return rc_set_error(ip->rt, RC_ESTATE,
                            "rp_init_code: the code class is not registered");
    return rp_class_add_getsets(ip, ip->cls.code, code_getsets);
}
