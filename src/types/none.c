/*
 * none.c — None and NotImplemented: one immortal object of each per
 * runtime, made by boot.c with the runtime. None is false, hashes to a
 * constant and prints "None"; NotImplemented is what a comparison or number
 * slot returns to let the other operand's slot answer (rcgc/protocol.h),
 * and prints "NotImplemented". Both compare by identity.
 */
#include "types.h"

/* ====================================================================== */
/* None                                                                    */
/* ====================================================================== */

static int none_hash(rc_object *o, int64_t *out) {
    (void)o;
    *out = 0xFCA86420; /* any constant; CPython 3.12 uses one too */
    return 0;
}

static rc_object *none_repr(rc_object *o) {
    return rc_str_from_utf8(rc__runtime_of(o), "None", 4);
}

static int none_truth(rc_object *o) {
    (void)o;
    return 0;
}

static const rc_protocol none_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = none_repr,
    .hash = none_hash,
    .truth = none_truth,
};

static const rc_type none_type = {
    .name = "NoneType",
    .basicsize = sizeof(rc_object),
    .flags = RC__TYPE_LEAF,
    .protocol = &none_protocol,
};

rc_object *rc_none(rc_runtime *rt) {
    return rt->types->none;
}

bool rc_is_none(const rc_object *o) {
    return o->type == &none_type;
}

/* ====================================================================== */
/* NotImplemented                                                          */
/* ====================================================================== */

static rc_object *notimpl_repr(rc_object *o) {
    return rc_str_from_utf8(rc__runtime_of(o), "NotImplemented", 14);
}

static const rc_protocol notimpl_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = notimpl_repr,
};

const rc_type rc__notimpl_type = {
    .name = "NotImplementedType",
    .basicsize = sizeof(rc_object),
    .flags = RC__TYPE_LEAF,
    .protocol = &notimpl_protocol,
};

rc_object *rc_notimplemented(rc_runtime *rt) {
    return rt->types->notimpl;
}

bool rc_is_notimplemented(const rc_object *o) {
    return rc__is_notimpl(o);
}

/* ====================================================================== */
/* Made with the runtime                                                   */
/* ====================================================================== */

static rc_object *immortal(rc_runtime *rt, const rc_type *t) {
    rc_object *o = rc_new(rt, t);
    if (o)
        rc_set_immortal(o);
    return o;
}

int rc__singletons_init(rc_runtime *rt) {
    struct rc__types *t = rt->types;
    t->none = immortal(rt, &none_type);
    t->notimpl = t->none ? immortal(rt, &rc__notimpl_type) : NULL;
    return t->notimpl ? 0 : RC_ENOMEM;
}
