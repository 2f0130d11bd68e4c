/*
 * mod_weakref.h — what mod_weakref.c (weakref.ref, its subclasses and the
 * `_weakref` module) and weakproxy.c (weakref.proxy) share, private to
 * them: the layout of the weak references Python programs see and the
 * helpers that make and read them.
 *
 * A Python weak reference (an rp_wref) wraps one of the library's weakref
 * objects (rcgc.h), its `inner`, which it owns alone. The inner one owns a
 * small untracked link object that points back, borrowed, at the rp_wref;
 * the library calls the rp_wref's Python callback through that link when
 * the referent dies. Invariants:
 *  - link->wrapper is the rp_wref while the rp_wref holds its inner one,
 *    and NULL from the moment the rp_wref is cleared or deallocated (so a
 *    callback the library already scheduled finds nobody to call);
 *  - the Python callback lives in the rp_wref, not in the inner one: the
 *    collector sees it through the rp_wref, and an rp_wref that is itself
 *    garbage makes its inner one garbage too, so the library skips its
 *    callback as CPython skips the callback of a weakref that is garbage.
 */
#ifndef RCPY_MOD_WEAKREF_H
#define RCPY_MOD_WEAKREF_H

#include "rcpy.h"

typedef struct rp_wref {
    rp_inst base;        /* attributes of instances of subclasses of ref
                            (unused by ref itself and by proxies) */
    rc_object *inner;    /* the library's weakref (strong), NULL once cleared */
    rc_object *callback; /* the Python callback (strong), or NULL */
    int64_t hash;        /* hash(referent), remembered once computed */
    bool hashed;         /* hash is valid */
} rp_wref;

/* The static types: weakref.ReferenceType itself (subclasses made at run
 * time extend its layout), weakref.ProxyType, weakref.CallableProxyType. */
extern const rc_type rp_wref_ref_type, rp_wref_proxy_type, rp_wref_cproxy_type;

/* o with one more reference. */
static inline rc_object *rp_wref_incref(rc_object *o) {
    rc_incref(o);
    return o;
}

/* The three builtin classes, made when `_weakref` is first imported. */
int rp_wref_init_proxy_classes(rp_interp *ip);

/* The referent: a new reference, or NULL without an error once it died. */
rc_object *rp_wref_target(const rc_object *w);

/* Is o one of the two proxy types? */
static inline bool rp_wref_is_proxy(const rc_object *o) {
    return o->type == &rp_wref_proxy_type || o->type == &rp_wref_cproxy_type;
}

/* A weak reference of the given type (rp_wref_ref_type, a heap type whose
 * layout extends it, or a proxy type) to target, with callback (NULL or
 * None: none). Without a callback, ref and the proxy types give the
 * target's existing callback-less reference of that exact type when it has
 * one. TypeError "cannot create weak reference to 'int' object" for
 * objects that cannot be weakly referenced. New reference. */
rc_object *rp_wref_new(rp_interp *ip, const rc_type *type, rc_object *target,
                       rc_object *callback);

/* The layout functions (rp_wref_ref_type's; proxies use them too). */
int rp_wref_traverse(rc_object *self, rc_visitproc visit, void *arg);
int rp_wref_clear(rc_object *self);
void rp_wref_dealloc(rc_object *self);

#endif /* RCPY_MOD_WEAKREF_H */
