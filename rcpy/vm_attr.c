/*
 * vm_attr.c — the dispatch loop's caches: what LOAD_GLOBAL found, how
 * LOAD_ATTR / STORE_ATTR / LOAD_METHOD may treat an attribute of objects of
 * one type, and which class calls the loop may run itself (their __init__
 * in a frame of the loop, rp_inline_init).
 *
 * Invariant: an entry is used only while what it was worked out from is
 * unchanged — the globals' and builtins' rc_dict_version for LOAD_GLOBAL
 * (a number no other dict state ever has), ip->class_epoch for the others
 * (bumped by every change to a class namespace, MRO or flags and by every
 * class made or freed: the object model's own lookup cache relies on it
 * too). So the borrowed pointers an entry holds (a type, a class
 * attribute, a global's value) are alive and current whenever it is used,
 * and a hit gives exactly what the general path would. Names are held
 * strongly, so no other str can take a cached name's address. The caches
 * are optimisations only: without memory for them, nothing is cached.
 *
 * This is the one file of the execution part that looks into the object
 * model's private header (objmodel.h: class flags, the lookup cache).
 */
#include "objmodel.h"
#include "vm_internal.h"

#include <string.h>

struct rp_vm_cache *rp_vm_cache_get(rp_interp *ip) {
    struct rp_vm_cache *c = ip->vmcache;
    if (c)
        return c;
    c = rc_malloc(ip->rt, sizeof *c);
    if (!c) {
        rc_clear_error(ip->rt); /* no cache: everything still works */
        return NULL;
    }
    memset(c, 0, sizeof *c);
    ip->vmcache = c;
    return c;
}

/* Makes *slot hold a new reference to name (a str: releasing the old one
 * runs no code). */
static void hold_name(rc_object **slot, rc_object *name) {
    if (*slot == name)
        return;
    rc_incref(name);
    rc_xdecref(*slot);
    *slot = name;
}

void rp_fini_vm(rp_interp *ip) {
    struct rp_vm_cache *c = ip->vmcache;
    if (!c)
        return;
    ip->vmcache = NULL;
    for (size_t i = 0; i < RP_GLOBAL_CACHE; i++)
        rc_xdecref(c->g[i].name);
    for (size_t i = 0; i < RP_ATTR_CACHE; i++)
        rc_xdecref(c->a[i].name);
    rc_free(ip->rt, c, sizeof *c);
}

/* ====================================================================== */
/* LOAD_GLOBAL                                                            */
/* ====================================================================== */

void rp_global_remember(rp_interp *ip, rc_object *globals, rc_object *builtins,
                        rc_object *name, rc_object *value) {
    struct rp_vm_cache *c = rp_vm_cache_get(ip);
    if (!c)
        return;
    rp_global_entry *e = rp_global_slot(c, globals, name);
    hold_name(&e->name, name);
    e->globals = globals;
    e->builtins = builtins;
    e->gver = rc_dict_version(globals);
    e->bver = builtins ? rc_dict_version(builtins) : 0;
    e->value = value;
}

/* ====================================================================== */
/* Attributes                                                             */
/* ====================================================================== */

/* Kinds of class attribute rp_lookup_method hands to LOAD_METHOD
 * (abstract.c's method_like). */
static bool method_like(const rc_object *f) {
    const rc_type *t = f->type;
    return t == &rp_function_type || t == &rp_methoddescr_type ||
           t == &rp_wrapperdescr_type;
}

/* Works out e for objects of o's type: what rp_getattr, rp_setattr and
 * rp_lookup_method decide from the class alone. Only reads (the lookup
 * runs no code). */
static void attr_work_out(rp_interp *ip, rp_attr_entry *e, rc_object *o,
                          rc_object *name) {
    const rc_protocol *p = o->type->protocol;
    rp_class *tp = rp_type_of_ip(ip, o);
    rc_object *descr = rp_class_lookup_ip(ip, tp, name);
    rp_class *dc = descr ? rp_type_of_ip(ip, descr) : NULL;
    bool inst = p == &rp_inst_protocol;
    bool table = inst && (tp->flags & RP_CLS_HAS_DICT);
    e->descr = descr;
    e->load = RP_LOAD_GENERAL;
    e->store = 0;
    e->has_table = table;
    /* object.__getattribute__ and __setattr__ on an instance's table
     * (instance.c: rp_generic_getattr / rp_generic_setattr) */
    if (table && !(tp->flags & (RP_CLS_OWN_GETATTR_ | RP_CLS_HAS_GETATTR_))) {
        if (!descr)
            e->load = RP_LOAD_TABLE;
        else if (!dc->get && !dc->set)
            e->load = RP_LOAD_TABLE_OR_CLASS;
    }
    if (table && !(tp->flags & RP_CLS_OWN_SETATTR_) && !(descr && dc->set))
        e->store = 1;
    /* rp_lookup_method's conditions, the instance check left to the hit */
    bool own_lookup = inst ? (tp->flags & RP_CLS_OWN_GETATTR_) != 0
                           : p && p->getattr && p != &rp_object_protocol;
    e->method = !own_lookup && descr && method_like(descr) ? descr : NULL;
}

rp_attr_entry *rp_attr_fill(rp_interp *ip, rc_object *o, rc_object *name) {
    struct rp_vm_cache *c = rp_vm_cache_get(ip);
    if (!c)
        return NULL;
    uintptr_t h = ((uintptr_t)o->type >> 5) ^ ((uintptr_t)name >> 4);
    rp_attr_entry *e = &c->a[(h ^ (h >> 11)) & (RP_ATTR_CACHE - 1)];
    hold_name(&e->name, name);
    attr_work_out(ip, e, o, name);
    e->type = o->type;
    e->epoch = ip->class_epoch;
    return e;
}

/* ====================================================================== */
/* Class calls                                                            */
/* ====================================================================== */

/* The __init__ of cls that the loop may run itself, or NULL: cls's
 * metaclass is type, it is made by class statements on top of object
 * alone (no builtin base but object), not abstract, its __new__ is
 * object's (so rp_object_new's checks all pass: the instance is
 * rc_new(cls->itype)) and its __init__ is a Python function. */
static rp_function *work_out_init(rp_interp *ip, rp_class *cls) {
    rp_class *b = cls;
    if ((cls->flags & RP_CLS_ABSTRACT) || !cls->itype)
        return NULL;
    while (b && (b->flags & RP_CLS_HEAP) && !(b->flags & RP_CLS_IMMUTABLE_))
        b = b->base;
    if (b != ip->cls.object || rp_class_lookup_ip(ip, cls, ip->s.new_) !=
                                   rp_objstate_of(ip)->object_new)
        return NULL;
    rc_object *init = rp_class_lookup_ip(ip, cls, ip->s.init);
    return init && init->type == &rp_function_type ? (rp_function *)init : NULL;
}

rp_function *rp_inline_init_(rp_interp *ip, rc_object *callable, size_t nargs) {
    rp_function *init;
    struct rp_vm_cache *c = ip->vmcache ? ip->vmcache : rp_vm_cache_get(ip);
    uintptr_t h = (uintptr_t)callable >> 5;
    rp_init_entry *e = c ? &c->i[(h ^ (h >> 8)) & (RP_INIT_CACHE - 1)] : NULL;
    if (e && e->cls == callable && e->epoch == ip->class_epoch) {
        init = e->init;
    } else {
        init = work_out_init(ip, (rp_class *)callable);
        if (e) {
            e->cls = callable;
            e->epoch = ip->class_epoch;
            e->init = init;
        }
    }
    /* the arguments' fit depends on the call and on __defaults__, which
     * can change without the epoch: checked at each call */
    return init && rp_simple_call(init, nargs + 1) ? init : NULL;
}
