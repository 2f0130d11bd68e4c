/*
 * mod_weakref.c — weak references for Python programs: the class
 * weakref.ref (ReferenceType) and its subclasses, and the `_weakref`
 * module (ref, proxy, getweakrefcount, getweakrefs, _remove_dead_weakref)
 * on which rcpy/lib/weakref.py builds WeakValueDictionary, WeakKeyDictionary,
 * WeakSet, WeakMethod and finalize, as CPython's Lib/weakref.py does.
 *
 * Each Python weak reference wraps one of the library's weakrefs and
 * behaves as CPython 3.11's: calling it gives the referent or None; it
 * hashes as its referent (remembered after death), compares equal to
 * another weak reference when both referents are alive and equal (by
 * identity once either died); callbacks get the weak reference, newest
 * first, and run only while the weak reference itself is alive and not
 * garbage. One callback-less ref (and one proxy) per referent is shared.
 * mod_weakref.h states the invariants linking a wrapper and the library's
 * weakref; weakproxy.c has the proxies.
 */
#include "mod_weakref.h"

#include <string.h>

#define WREF(o) ((rp_wref *)(o))

/* ====================================================================== */
/* The link from the library's weakref back to the Python one             */
/* ====================================================================== */

typedef struct wr_link {
    rc_object ob;
    rc_object *wrapper; /* borrowed: the rp_wref, NULL once it let go */
} wr_link;

/* Not a GC type: it owns nothing, and the inner weakref owns it. */
static const rc_type link_type = {
    .name = "weakref_link",
    .basicsize = sizeof(wr_link),
};

/* The rp_wref a library weakref belongs to (borrowed), or NULL: a weakref
 * of the library's other clients (class.c's __subclasses__), or one whose
 * rp_wref is gone. */
static rp_wref *wrapper_of(const rc_object *inner) {
    rc_object *l = rc_weakref_callback_object(inner);
    if (!l || l->type != &link_type)
        return NULL;
    return WREF(((wr_link *)l)->wrapper);
}

/* The library calls this when a referent of an rp_wref with a callback
 * died. The callback is taken from the wrapper before the call (its
 * __callback__ reads None from then on, as in CPython); an error it raises
 * is reported as unraisable, naming the callback. */
static void on_death(rc_object *inner, void *arg) {
    (void)inner;
    rp_wref *w = WREF(((wr_link *)arg)->wrapper);
    if (!w || !w->callback)
        return;
    rp_interp *ip = rp_interp_of(&w->base.ob);
    if (!ip || !ip->typemap)
        return; /* the interpreter is being torn down */
    rc_object *cb = w->callback, *self = &w->base.ob;
    w->callback = NULL;
    rc_incref(self);
    rc_object *r = rp_call1(ip, cb, self);
    if (r)
        rc_decref(r);
    else
        rp_err_write_unraisable(ip, NULL, cb);
    rc_decref(cb);
    rc_decref(self);
}

/* ====================================================================== */
/* The layout                                                             */
/* ====================================================================== */

rc_object *rp_wref_target(const rc_object *w) {
    rc_object *inner = WREF(w)->inner;
    return inner ? rc_weakref_get(inner) : NULL;
}

int rp_wref_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    rp_wref *w = WREF(self);
    int r = rp_inst_traverse(self, visit, arg);
    if (!r && w->inner)
        r = visit(w->inner, arg);
    if (!r && w->callback)
        r = visit(w->callback, arg);
    return r;
}

/* Lets go of the inner weakref (so its pending callback, if the library
 * scheduled one, finds nobody) and of the callback: afterwards the
 * reference reads as dead. */
int rp_wref_clear(rc_object *self) {
    rp_wref *w = WREF(self);
    rc_object *inner = w->inner, *cb = w->callback;
    if (inner) {
        rc_object *l = rc_weakref_callback_object(inner);
        if (l && l->type == &link_type)
            ((wr_link *)l)->wrapper = NULL;
    }
    w->inner = NULL;
    w->callback = NULL;
    rc_xdecref(inner);
    rc_xdecref(cb);
    return rp_inst_clear(self);
}

void rp_wref_dealloc(rc_object *self) {
    rp_wref_clear(self);
}

/* ====================================================================== */
/* Which objects can be weakly referenced                                 */
/* ====================================================================== */

/* CPython's rule, for rcpy's kinds: classes, functions, bound methods,
 * builtin functions, generators, code objects, modules, sets, frozensets
 * and files can; instances of classes made at run time can when their
 * class has __weakref__ (no __slots__ without it) and does not derive from
 * int or tuple (variable-size layouts); nothing else can. */
static bool weakrefable(rp_interp *ip, rc_object *o) {
    if (rp_is_class(o))
        return true;
    rp_class *c = rp_type_of(o);
    if (o->type->flags & RC_TYPE_HEAP) {
        if (rp_is_subclass(c, ip->cls.int_) || rp_is_subclass(c, ip->cls.tuple))
            return false;
        rc_object *name = rc_str_intern(ip->rt, "__weakref__");
        bool has = name && rp_class_lookup(c, name) != NULL;
        rc_xdecref(name);
        return has;
    }
    const rp_class *ok[] = {
        ip->cls.function,  ip->cls.method,    ip->cls.builtin,
        ip->cls.generator, ip->cls.code,      ip->cls.module,
        ip->cls.set,       ip->cls.frozenset, ip->cls.file,
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (ok[i] && c == ok[i])
            return true;
    return false;
}

/* ====================================================================== */
/* Making weak references                                                 */
/* ====================================================================== */

static bool is_ref_class(rp_interp *ip, const rc_object *o) {
    if (o->type == &rp_wref_ref_type)
        return true;
    return (o->type->flags & RC_TYPE_HEAP) && ip->cls.weakref &&
           rp_is_subclass(rp_type_of(o), ip->cls.weakref);
}

/* CPython's PyWeakref_Check: refs, their subclasses and proxies. */
static bool is_wref(rp_interp *ip, const rc_object *o) {
    return is_ref_class(ip, o) || rp_wref_is_proxy(o);
}

/* Where getweakrefs lists a reference: the shared ref first, then the
 * shared proxy, then the others newest first (CPython's list order). */
static int rank(const rp_wref *w) {
    if (w->callback)
        return 2;
    if (w->base.ob.type == &rp_wref_ref_type)
        return 0;
    return rp_wref_is_proxy(&w->base.ob) ? 1 : 2;
}

/* The library's weakrefs to target (new references, *n of them; NULL with
 * *n == 0 when there are none). -1 on error. */
static int list_inner(rp_interp *ip, rc_object *target, rc_object ***out,
                      size_t *n) {
    *out = NULL;
    *n = 0;
    if (rc_weakref_count(target) == 0)
        return 0;
    *out = rc_weakref_list(ip->rt, target, n);
    return *out ? 0 : -1;
}

/* The target's shared reference of the given rank (0 ref, 1 proxy),
 * borrowed, or NULL. */
static rc_object *find_shared(rp_interp *ip, rc_object *target, int want,
                              int *err) {
    rc_object **refs;
    size_t n;
    *err = list_inner(ip, target, &refs, &n);
    rc_object *found = NULL;
    for (size_t i = 0; i < n && !found; i++) {
        rp_wref *w = wrapper_of(refs[i]);
        if (w && rank(w) == want)
            found = &w->base.ob;
    }
    if (refs)
        rc_gc_release_objects(ip->rt, refs, n);
    return found;
}

/* A new wrapper of type around a new library weakref to target. */
static rc_object *make(rp_interp *ip, const rc_type *type, rc_object *target,
                       rc_object *callback) {
    rp_wref *w = WREF(rc_new(ip->rt, type));
    if (!w)
        return NULL;
    wr_link *l = (wr_link *)rc_new(ip->rt, &link_type);
    if (!l) {
        rc_decref(&w->base.ob);
        return NULL;
    }
    l->wrapper = &w->base.ob;
    w->inner = rc_weakref_new_with_object(ip->rt, target,
                                          callback ? on_death : NULL, &l->ob);
    rc_decref(&l->ob); /* the inner weakref owns it now */
    if (!w->inner) {
        rc_decref(&w->base.ob);
        return NULL;
    }
    if (callback)
        w->callback = rp_wref_incref(callback);
    return &w->base.ob;
}

rc_object *rp_wref_new(rp_interp *ip, const rc_type *type, rc_object *target,
                       rc_object *callback) {
    if (callback == ip->none)
        callback = NULL;
    if (!weakrefable(ip, target)) {
        rp_raise(ip, ip->exc.TypeError,
                 "cannot create weak reference to '%s' object",
                 rc_type_name(target));
        return NULL;
    }
    bool proxy = type == &rp_wref_proxy_type || type == &rp_wref_cproxy_type;
    if (!callback && (proxy || type == &rp_wref_ref_type)) {
        int err;
        rc_object *shared = find_shared(ip, target, proxy ? 1 : 0, &err);
        if (err < 0)
            return NULL;
        if (shared)
            return rp_wref_incref(shared);
    }
    if (proxy)
        type = rp_callable(ip, target) ? &rp_wref_cproxy_type
                                       : &rp_wref_proxy_type;
    return make(ip, type, target, callback);
}

/* ====================================================================== */
/* weakref.ref's behaviour                                                */
/* ====================================================================== */

/* "<weakref at 0x...; to 'A' at 0x...>", with " (name)" when the referent's
 * class gives it a str __name__ (functions, classes; looked up as a
 * special method, never through the instance's __getattr__: 3.11.7's
 * gh-99184); "<weakref at 0x...; dead>". */
static rc_object *ref_repr(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *t = rp_wref_target(self);
    if (!t)
        return rc_str_from_format(ip->rt, "<weakref at %p; dead>",
                                  (void *)self);
    rc_object *name = rp_lookup_special(ip, t, ip->s.name), *r = NULL;
    if (name && rc_is_str(name))
        r = rc_str_from_format(ip->rt, "<weakref at %p; to '%s' at %p (%s)>",
                               (void *)self, rc_type_name(t), (void *)t,
                               rc_str_utf8(name));
    else if (!rp_err_occurred(ip))
        r = rc_str_from_format(ip->rt, "<weakref at %p; to '%s' at %p>",
                               (void *)self, rc_type_name(t), (void *)t);
    rc_xdecref(name);
    rc_decref(t);
    return r;
}

/* hash(referent), computed once and remembered: a dead reference never
 * hashed has none. */
static int ref_hash(rc_object *self, int64_t *out) {
    rp_wref *w = WREF(self);
    if (!w->hashed) {
        rc_object *t = rp_wref_target(self);
        if (!t) {
            rp_interp *ip = rp_interp_of(self);
            return rp_raise(ip, ip->exc.TypeError, "weak object has gone away");
        }
        int r = rc_hash(t, &w->hash);
        rc_decref(t);
        if (r < 0)
            return r;
        w->hashed = true;
    }
    *out = w->hash;
    return 0;
}

/* == and != only: the referents' comparison while both live, identity
 * once either died. */
static rc_object *ref_richcompare(rc_object *self, rc_object *other,
                                  rc_cmp op) {
    rp_interp *ip = rp_interp_of(self);
    if ((op != RC_EQ && op != RC_NE) || !is_wref(ip, self) ||
        !is_wref(ip, other))
        return rc_notimplemented(ip->rt);
    rc_object *a = rp_wref_target(self), *b = rp_wref_target(other);
    if (!a || !b) {
        rc_xdecref(a);
        rc_xdecref(b);
        return rp_wref_incref(rp_bool(ip, (self == other) == (op == RC_EQ)));
    }
    rc_object *r = rc_richcompare(a, b, op);
    rc_decref(a);
    rc_decref(b);
    return r;
}

static rc_object *ref_call(rc_object *self, rc_object *const *args,
                           size_t nargs, rc_object *kwnames) {
    (void)args;
    rp_interp *ip = rp_interp_of(self);
    if (kwnames && rc_tuple_size(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "weakref() takes no keyword arguments");
        return NULL;
    }
    if (nargs) {
        rp_raise(ip, ip->exc.TypeError, "weakref expected 0 arguments, got %zu",
                 nargs);
        return NULL;
    }
    rc_object *t = rp_wref_target(self);
    return t ? t : rp_wref_incref(ip->none);
}

static const rc_protocol ref_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = ref_repr,
    .hash = ref_hash,
    .richcompare = ref_richcompare,
    .call = ref_call,
};

const rc_type rp_wref_ref_type = {
    .name = "weakref.ReferenceType",
    .basicsize = sizeof(rp_wref),
    .flags = RC_TYPE_GC,
    .traverse = rp_wref_traverse,
    .clear = rp_wref_clear,
    .dealloc = rp_wref_dealloc,
    .protocol = &ref_protocol,
};

/* ref.__new__(cls, obj, callback=None): keyword arguments are ignored (a
 * subclass's __init__ may take its own), as CPython's __new__ does. */
static rc_object *ref_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                          size_t nargs, rc_object *kwnames) {
    (void)kwnames;
    if (rp_check_args(ip, "__new__", nargs, NULL, 1, 2) < 0)
        return NULL;
    return rp_wref_new(ip, cls->itype, args[0], nargs > 1 ? args[1] : NULL);
}

/* ref.__init__ checks the arguments only. */
static rc_object *ref_init(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    (void)self;
    (void)args;
    if (kwnames && rc_tuple_size(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "ref() takes no keyword arguments");
        return NULL;
    }
    if (rp_check_args(ip, "__init__", nargs, NULL, 1, 2) < 0)
        return NULL;
    return rp_wref_incref(ip->none);
}

static rc_object *ref_get_callback(rp_interp *ip, rc_object *self) {
    rc_object *cb = WREF(self)->callback;
    return rp_wref_incref(cb ? cb : ip->none);
}

static const rp_methoddef ref_methods[] = {
    {"__init__", ref_init, 0, "Initialize self."},
    {NULL},
};

static const rp_getsetdef ref_getsets[] = {
    {"__callback__", ref_get_callback, NULL, NULL},
    {NULL},
};

/* weakref.ReferenceType: a builtin class whose subclasses extend its
 * layout (rp_wref starts with rp_inst, so they carry attributes unless
 * their __slots__ say otherwise; refs themselves have none). */
static int init_ref_class(rp_interp *ip) {
    rp_class *cls = rp_class_new_builtin(ip, "ReferenceType", &rp_wref_ref_type,
                                         NULL, ref_methods, ref_new,
                                         RP_CLS_BASETYPE | RP_CLS_INST_LAYOUT);
    if (!cls)
        return -1;
    cls->layout = &rp_wref_ref_type;
    if (rp_class_add_getsets(ip, cls, ref_getsets) < 0 ||
        rp_class_add_object(ip, cls, "__module__", rp_str(ip, "weakref")) < 0)
        return -1;
    ip->cls.weakref = cls;
    return 0;
}

/* ====================================================================== */
/* The module's functions                                                 */
/* ====================================================================== */

static rc_object *wr_getweakrefcount(rp_interp *ip, rc_object *self,
                                     rc_object *const *args, size_t nargs,
                                     rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "_weakref.getweakrefcount", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return rc_int_from_i64(ip->rt, (int64_t)rc_weakref_count(args[0]));
}

/* The Python weak references to the object, in CPython's order. */
static rc_object *wr_getweakrefs(rp_interp *ip, rc_object *self,
                                 rc_object *const *args, size_t nargs,
                                 rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "_weakref.getweakrefs", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object **refs;
    size_t n;
    if (list_inner(ip, args[0], &refs, &n) < 0)
        return NULL;
    rc_object *list = rc_list_new(ip->rt);
    for (int pass = 0; pass < 3 && list; pass++)
        for (size_t i = 0; i < n; i++) {
            rp_wref *w = wrapper_of(refs[i]);
            if (w && rank(w) == pass && rc_list_append(list, &w->base.ob) < 0) {
                rc_decref(list);
                list = NULL;
                break;
            }
        }
    if (refs)
        rc_gc_release_objects(ip->rt, refs, n);
    return list;
}

/* proxy(obj, callback=None): a ProxyType, or a CallableProxyType when obj
 * is callable. */
static rc_object *wr_proxy(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    (void)self;
    if (kwnames && rc_tuple_size(kwnames)) {
        rp_raise(ip, ip->exc.TypeError,
                 "_weakref.proxy() takes no keyword arguments");
        return NULL;
    }
    if (rp_check_args(ip, "proxy", nargs, NULL, 1, 2) < 0)
        return NULL;
    return rp_wref_new(ip, &rp_wref_proxy_type, args[0],
                       nargs > 1 ? args[1] : NULL);
}

/* _remove_dead_weakref(dict, key): del dict[key] if it holds a dead weak
 * reference (WeakValueDictionary's removal, safe against a value stored
 * again meanwhile). */
static rc_object *wr_remove_dead(rp_interp *ip, rc_object *self,
                                 rc_object *const *args, size_t nargs,
                                 rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "_remove_dead_weakref", nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (!rc_is_dict(args[0])) {
        rp_raise(ip, ip->exc.TypeError,
                 "_remove_dead_weakref() argument 1 must be dict, not %s",
                 rc_type_name(args[0]));
        return NULL;
    }
    rc_object *v;
    int found = rc_dict_lookup(args[0], args[1], &v);
    if (found < 0)
        return NULL;
    if (found) {
        if (!is_wref(ip, v)) {
            rp_raise(ip, ip->exc.TypeError, "not a weakref");
            return NULL;
        }
        rc_object *t = rp_wref_target(v);
        if (t)
            rc_decref(t);
        else if (rc_dict_delitem(args[0], args[1]) < 0)
            return NULL;
    }
    return rp_wref_incref(ip->none);
}

static const rp_methoddef weakref_functions[] = {
    {"getweakrefcount", wr_getweakrefcount, 0,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", wr_getweakrefs, 0,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", wr_proxy, 0,
     "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", wr_remove_dead, 0,
     "Atomically remove key from dict if it points to a dead weakref."},
    {NULL},
};

/* ====================================================================== */
/* What other parts ask                                                   */
/* ====================================================================== */

rc_object *rp_weakref_head(rp_interp *ip, rc_object *o) {
    rc_object **refs;
    size_t n;
    if (list_inner(ip, o, &refs, &n) < 0)
        return NULL;
    rc_object *head = NULL;
    for (int pass = 0; pass < 3 && !head; pass++)
        for (size_t i = 0; i < n && !head; i++) {
            rp_wref *w = wrapper_of(refs[i]);
            if (w && rank(w) == pass)
                head = &w->base.ob;
        }
    head = rp_wref_incref(head ? head : ip->none);
    if (refs)
        rc_gc_release_objects(ip->rt, refs, n);
    return head;
}

int rp_init_weakref_module(rp_interp *ip, rc_object *module) {
    if (!ip->cls.weakref &&
        (init_ref_class(ip) < 0 || rp_wref_init_proxy_classes(ip) < 0))
        return -1;
    if (rp_module_add_functions(ip, module, weakref_functions) < 0)
        return -1;
    const struct {
        const char *name;
        rp_class *cls;
    } names[] = {
        {"ref", ip->cls.weakref},
        {"ReferenceType", ip->cls.weakref},
        {"ProxyType", ip->cls.weakproxy},
        {"CallableProxyType", ip->cls.weakcallableproxy},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (rp_module_add_object(ip, module, names[i].name,
                                 rp_wref_incref(&names[i].cls->ob)) < 0)
            return -1;
    return 0;
}
