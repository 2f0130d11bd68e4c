/*
 * weakproxy.c — weakref.proxy: ProxyType and CallableProxyType, weak
 * references that stand for their referent. Every operation a program can
 * apply — attributes, items, len, iteration, calls (CallableProxyType),
 * str, truth, comparisons, the number operators — goes to the referent
 * while it lives and raises ReferenceError ("weakly-referenced object no
 * longer exists") after; proxies are unhashable and cannot be subclassed
 * or instantiated directly, as in CPython 3.11.
 *
 * Invariant: a slot never keeps the referent beyond the operation; it
 * holds a strong reference for the operation's duration only, so the
 * referent can die in the middle of a program as it would in CPython.
 */
#include "mod_weakref.h"

/* ====================================================================== */
/* Reaching the referent                                                  */
/* ====================================================================== */

/* The live referent (new reference), or NULL with ReferenceError. */
static rc_object *live(rc_object *proxy) {
    rc_object *t = rp_wref_target(proxy);
    if (!t) {
        rp_interp *ip = rp_interp_of(proxy);
        rp_raise(ip, ip->exc.ReferenceError,
                 "weakly-referenced object no longer exists");
    }
    return t;
}

/* An operand as CPython's proxies see it: a proxy's referent, anything
 * else itself. New reference, or NULL with ReferenceError. */
static rc_object *unwrap(rc_object *o) {
    return rp_wref_is_proxy(o) ? live(o) : rp_wref_incref(o);
}

/* ====================================================================== */
/* The slots                                                              */
/* ====================================================================== */

/* "<weakproxy at 0x... to A at 0x...>" (3.11's wording; a dead proxy
 * names None). */
static rc_object *proxy_repr(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *t = rp_wref_target(self);
    rc_object *shown = t ? t : ip->none;
    rc_object *r =
        rc_str_from_format(ip->rt, "<weakproxy at %p to %s at %p>",
                           (void *)self, rc_type_name(shown), (void *)shown);
    rc_xdecref(t);
    return r;
}

static rc_object *proxy_str(rc_object *self) {
    rc_object *t = live(self);
    rc_object *r = t ? rc_str(t) : NULL;
    rc_xdecref(t);
    return r;
}

static int proxy_hash(rc_object *self, int64_t *out) {
    (void)out;
    rp_interp *ip = rp_interp_of(self);
    return rp_raise(ip, ip->exc.TypeError, "unhashable type: '%s'",
                    rc_type_name(self));
}

static rc_object *proxy_richcompare(rc_object *self, rc_object *other,
                                    rc_cmp op) {
    rc_object *a = unwrap(self), *b = a ? unwrap(other) : NULL;
    rc_object *r = b ? rc_richcompare(a, b, op) : NULL;
    rc_xdecref(a);
    rc_xdecref(b);
    return r;
}

static int proxy_truth(rc_object *self) {
    rc_object *t = live(self);
    if (!t)
        return -1;
    int r = rp_truth(rp_interp_of(self), t);
    rc_decref(t);
    return r;
}

static ptrdiff_t proxy_len(rc_object *self) {
    rc_object *t = live(self);
    if (!t)
        return -1;
    ptrdiff_t r = rc_len(t);
    rc_decref(t);
    return r;
}

static rc_object *proxy_getitem(rc_object *self, rc_object *key) {
    rc_object *t = live(self), *k = t ? unwrap(key) : NULL;
    rc_object *r = k ? rc_getitem(t, k) : NULL;
    rc_xdecref(t);
    rc_xdecref(k);
    return r;
}

static int proxy_setitem(rc_object *self, rc_object *key, rc_object *value) {
    rc_object *t = live(self);
    if (!t)
        return -1;
    int r = value ? rc_setitem(t, key, value) : rc_delitem(t, key);
    rc_decref(t);
    return r;
}

static int proxy_delitem(rc_object *self, rc_object *key) {
    return proxy_setitem(self, key, NULL);
}

static int proxy_contains(rc_object *self, rc_object *item) {
    rc_object *t = live(self);
    if (!t)
        return -1;
    int r = rc_contains(t, item);
    rc_decref(t);
    return r;
}

static rc_object *proxy_iter(rc_object *self) {
    rc_object *t = live(self);
    rc_object *r = t ? rc_iter(t) : NULL;
    rc_xdecref(t);
    return r;
}

/* Is o an iterator: its class answers __next__ (CPython's PyIter_Check)? */
static bool is_iterator(rp_interp *ip, rc_object *o) {
    if (o->type->flags & RC_TYPE_HEAP)
        return rp_class_lookup(rp_type_of(o), ip->s.next) != NULL;
    return o->type->protocol && o->type->protocol->next;
}

static int proxy_next(rc_object *self, rc_object **item) {
    rc_object *t = live(self);
    if (!t)
        return -1;
    rp_interp *ip = rp_interp_of(self);
    int r =
        is_iterator(ip, t)
            ? rc_next(t, item)
            : rp_raise(ip, ip->exc.TypeError,
                       "Weakref proxy referenced a non-iterator '%s' object",
                       rc_type_name(t));
    rc_decref(t);
    return r;
}

static rc_object *proxy_call(rc_object *self, rc_object *const *args,
                             size_t nargs, rc_object *kwnames) {
    rc_object *t = live(self);
    rc_object *r =
        t ? rp_call(rp_interp_of(self), t, args, nargs, kwnames) : NULL;
    rc_xdecref(t);
    return r;
}

static rc_object *proxy_getattr(rc_object *self, rc_object *name) {
    rc_object *t = live(self);
    rc_object *r = t ? rp_getattr(rp_interp_of(self), t, name) : NULL;
    rc_xdecref(t);
    return r;
}

static int proxy_setattr(rc_object *self, rc_object *name, rc_object *value) {
    rc_object *t = live(self);
    if (!t)
        return -1;
    int r = rp_setattr(rp_interp_of(self), t, name, value);
    rc_decref(t);
    return r;
}

static int proxy_delattr(rc_object *self, rc_object *name) {
    return proxy_setattr(self, name, NULL);
}

/* a <op> b with either operand a proxy: the whole operation (both
 * operands' slots, reflected ones too) runs on the referents. */
static rc_object *proxy_binop(rc_object *a, rc_object *b, rc_binop op) {
    rc_object *x = unwrap(a), *y = x ? unwrap(b) : NULL;
    rc_object *r = y ? rc_number_binop(x, y, op) : NULL;
    rc_xdecref(x);
    rc_xdecref(y);
    return r;
}

/* p += x gives what the referent's += gives (the name no longer holds the
 * proxy afterwards, as in CPython). */
static rc_object *proxy_inplace(rc_object *self, rc_object *other,
                                rc_binop op) {
    rc_object *x = live(self), *y = x ? unwrap(other) : NULL;
    rc_object *r = y ? rc_number_inplace(x, y, op) : NULL;
    rc_xdecref(x);
    rc_xdecref(y);
    return r;
}

static rc_object *proxy_unop(rc_object *self, rc_unop op) {
    rc_object *t = live(self);
    rc_object *r = t ? rc_number_unop(t, op) : NULL;
    rc_xdecref(t);
    return r;
}

/* The referent's __index__ (lst[proxy]); TypeError when it has none. */
static rc_object *proxy_index(rc_object *self) {
    rc_object *t = live(self);
    rc_object *r = t ? rc_number_index(t) : NULL;
    rc_xdecref(t);
    return r;
}

#define PROXY_SLOTS                                                            \
    .version = RC_PROTOCOL_VERSION, .repr = proxy_repr, .str = proxy_str,      \
    .hash = proxy_hash, .richcompare = proxy_richcompare,                      \
    .truth = proxy_truth, .len = proxy_len, .getitem = proxy_getitem,          \
    .setitem = proxy_setitem, .delitem = proxy_delitem,                        \
    .contains = proxy_contains, .iter = proxy_iter, .next = proxy_next,        \
    .getattr = proxy_getattr, .setattr = proxy_setattr,                        \
    .delattr = proxy_delattr, .binop = proxy_binop, .inplace = proxy_inplace,  \
    .unop = proxy_unop, .index = proxy_index

static const rc_protocol proxy_protocol = {PROXY_SLOTS};
static const rc_protocol cproxy_protocol = {PROXY_SLOTS, .call = proxy_call};

const rc_type rp_wref_proxy_type = {
    .name = "weakref.ProxyType",
    .basicsize = sizeof(rp_wref),
    .flags = RC_TYPE_GC,
    .traverse = rp_wref_traverse,
    .clear = rp_wref_clear,
    .dealloc = rp_wref_dealloc,
    .protocol = &proxy_protocol,
};

const rc_type rp_wref_cproxy_type = {
    .name = "weakref.CallableProxyType",
    .basicsize = sizeof(rp_wref),
    .flags = RC_TYPE_GC,
    .traverse = rp_wref_traverse,
    .clear = rp_wref_clear,
    .dealloc = rp_wref_dealloc,
    .protocol = &cproxy_protocol,
};

/* ====================================================================== */
/* Methods: conversions the interpreter looks up on the class             */
/* ====================================================================== */

/* rp_index, int(), float() and reversed() find these on the class (they
 * do not go through the getattr slot), so they forward here. */
static rc_object *convert(rp_interp *ip, rc_object *self, size_t nargs,
                          rc_object *kwnames, const char *name, rp_class *to) {
    if (rp_check_args(ip, name, nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *t = live(self);
    rc_object *r = t ? rp_call1(ip, &to->ob, t) : NULL;
    rc_xdecref(t);
    return r;
}

static rc_object *proxy_m_int(rp_interp *ip, rc_object *self,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames) {
    (void)args;
    return convert(ip, self, nargs, kwnames, "__int__", ip->cls.int_);
}

static rc_object *proxy_m_float(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    (void)args;
    return convert(ip, self, nargs, kwnames, "__float__", ip->cls.float_);
}

static rc_object *proxy_m_index(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "__index__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *t = live(self);
    if (!t)
        return NULL;
    int64_t v;
    int st = rp_index(ip, t, &v);
    rc_decref(t);
    return st < 0 ? NULL : rc_int_from_i64(ip->rt, v);
}

static rc_object *proxy_m_reversed(rp_interp *ip, rc_object *self,
                                   rc_object *const *args, size_t nargs,
                                   rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "__reversed__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *t = live(self);
    rc_object *r = t ? rp_call_method(ip, t, ip->s.reversed, NULL, 0) : NULL;
    rc_xdecref(t);
    return r;
}

static const rp_methoddef proxy_methods[] = {
    {"__int__", proxy_m_int, 0, NULL},
    {"__float__", proxy_m_float, 0, NULL},
    {"__index__", proxy_m_index, 0, NULL},
    {"__reversed__", proxy_m_reversed, 0, NULL},
    {NULL},
};

/* ====================================================================== */
/* The classes                                                            */
/* ====================================================================== */

static rc_object *proxy_new(rp_interp *ip, rp_class *cls,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    (void)args;
    (void)nargs;
    (void)kwnames;
    rp_raise(ip, ip->exc.TypeError, "cannot create '%s' instances",
             cls->itype->name);
    return NULL;
}

static rp_class *proxy_class(rp_interp *ip, const char *name,
                             const rc_type *type) {
    rp_class *cls =
        rp_class_new_builtin(ip, name, type, NULL, proxy_methods, proxy_new, 0);
    if (!cls ||
        rp_class_add_object(ip, cls, "__module__", rp_str(ip, "weakref")) < 0)
        return NULL;
    return cls;
}

int rp_wref_init_proxy_classes(rp_interp *ip) {
    ip->cls.weakproxy = proxy_class(ip, "ProxyType", &rp_wref_proxy_type);
    ip->cls.weakcallableproxy =
        ip->cls.weakproxy
            ? proxy_class(ip, "CallableProxyType", &rp_wref_cproxy_type)
            : NULL;
    return ip->cls.weakcallableproxy ? 0 : -1;
}
