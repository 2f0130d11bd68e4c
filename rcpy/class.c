/*
 * class.c — class objects: the `object` and `type` classes, the typemap
 * from static rc_types to their classes, the cached MRO lookup, builtin
 * classes, class attribute access and type's own attributes.
 *
 * A class is an rp_class object. Classes whose metaclass is `type` have the
 * static rp_class_type; classes of a metaclass made at run time have that
 * metaclass's own rc_type (same layout). Every object finds its class with
 * rp_type_of: through rc_type.owner for run-time types, through the
 * interpreter's typemap for static ones.
 *
 * Invariant: rp_class_lookup's cache holds (class, name) -> value entries
 * stamped with ip->class_epoch; an entry is used only while the epoch is
 * unchanged, and every change to a namespace or MRO, every class made and
 * every class freed bumps the epoch, so a cached value is always the one an
 * MRO walk would find now. The cache owns its names (so a name's address
 * cannot be reused while an entry mentions it); values are borrowed from the
 * class dicts, which the epoch guarantees are unchanged.
 */
#include "objmodel.h"

#include <string.h>

/* ====================================================================== */
/* The typemap: static rc_type -> class                                   */
/* ====================================================================== */

typedef struct typemap_slot {
    const rc_type *key;
    rp_class *cls; /* strong */
} typemap_slot;

struct rp_typemap {
    size_t cap; /* power of two */
    size_t len;
    typemap_slot *slots;
    rp_objstate st;
};

static size_t ptr_hash(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 29;
    return (size_t)x;
}

static rp_class *typemap_get(const rp_typemap *tm, const rc_type *t) {
    size_t mask = tm->cap - 1;
    for (size_t i = ptr_hash(t) & mask;; i = (i + 1) & mask) {
        if (tm->slots[i].key == t)
            return tm->slots[i].cls;
        if (!tm->slots[i].key)
            return NULL;
    }
}

static int typemap_grow(rp_interp *ip, rp_typemap *tm) {
    size_t ncap = tm->cap * 2;
    typemap_slot *ns = rc_malloc(ip->rt, ncap * sizeof *ns);
    if (!ns)
        return -1;
    memset(ns, 0, ncap * sizeof *ns);
    for (size_t i = 0; i < tm->cap; i++) {
        if (!tm->slots[i].key)
            continue;
        size_t j = ptr_hash(tm->slots[i].key) & (ncap - 1);
        while (ns[j].key)
            j = (j + 1) & (ncap - 1);
        ns[j] = tm->slots[i];
    }
    rc_free(ip->rt, tm->slots, tm->cap * sizeof *tm->slots);
    tm->slots = ns;
    tm->cap = ncap;
    return 0;
}

int rp_typemap_add(rp_interp *ip, const rc_type *t, rp_class *cls) {
    rp_typemap *tm = ip->typemap;
    if ((tm->len + 1) * 2 > tm->cap && typemap_grow(ip, tm) < 0)
        return -1;
    size_t mask = tm->cap - 1;
    size_t i = ptr_hash(t) & mask;
    while (tm->slots[i].key && tm->slots[i].key != t)
        i = (i + 1) & mask;
    if (tm->slots[i].key)
        return rc_set_error(ip->rt, RC_EINVAL,
                            "rcpy: type '%s' registered twice", t->name);
    rc_incref(&cls->ob);
    tm->slots[i].key = t;
    tm->slots[i].cls = cls;
    tm->len++;
    return 0;
}

rp_objstate *rp_objstate_of(rp_interp *ip) {
    return &ip->typemap->st;
}

int rp_class_keep(rp_interp *ip, rp_class *cls) {
    return rc_list_append(ip->typemap->st.keep, &cls->ob);
}

/* ====================================================================== */
/* The MRO lookup cache                                                   */
/* ====================================================================== */

#define LOOKUP_CACHE_SIZE 4096 /* entries; a power of two */

typedef struct lookup_entry {
    uint64_t epoch;   /* ip->class_epoch when filled; 0: empty */
    rp_class *cls;    /* compared by address only */
    rc_object *name;  /* strong */
    rc_object *value; /* borrowed from a dict of cls's MRO, or NULL */
} lookup_entry;

struct rp_lookup_cache {
    lookup_entry e[LOOKUP_CACHE_SIZE];
};

static rc_object *dict_get(rc_object *dict, rc_object *name) {
    rc_object *v = NULL;
    if (dict && rc_dict_lookup(dict, name, &v) < 0) {
        rc_clear_error(rc_runtime_of(dict));
        return NULL;
    }
    return v;
}

rp_class *rp_class_lookup_where(rp_class *cls, rc_object *name,
                                rc_object **value) {
    rc_object *mro = cls->mro;
    if (!mro) { /* being made, or cleared by the collector */
        *value = dict_get(cls->dict, name);
        return *value ? cls : NULL;
    }
    size_t n = rc_tuple_size(mro);
    for (size_t i = 0; i < n; i++) {
        rp_class *k = (rp_class *)rc_tuple_get(mro, i);
        rc_object *v = dict_get(k->dict, name);
        if (v) {
            *value = v;
            return k;
        }
    }
    *value = NULL;
    return NULL;
}

rc_object *rp_class_lookup(rp_class *cls, rc_object *name) {
    return rp_class_lookup_ip(rp_interp_of(&cls->ob), cls, name);
}

rc_object *rp_class_lookup_ip(rp_interp *ip, rp_class *cls, rc_object *name) {
    uintptr_t h = ((uintptr_t)cls >> 4) ^ ((uintptr_t)name >> 3) * 0x9E3779B1u;
    lookup_entry *e = &ip->lookup->e[(h ^ (h >> 13)) & (LOOKUP_CACHE_SIZE - 1)];
    if (e->epoch == ip->class_epoch && e->cls == cls && e->name == name)
        return e->value;
    rc_object *v;
    rp_class_lookup_where(cls, name, &v);
    if (e->name != name) {
        rc_incref(name);
        rc_xdecref(e->name);
        e->name = name;
    }
    e->epoch = ip->class_epoch;
    e->cls = cls;
    e->value = v;
    return v;
}

static void lookup_cache_free(rp_interp *ip) {
    if (!ip->lookup)
        return;
    for (size_t i = 0; i < LOOKUP_CACHE_SIZE; i++)
        rc_xdecref(ip->lookup->e[i].name);
    rc_free(ip->rt, ip->lookup, sizeof *ip->lookup);
    ip->lookup = NULL;
}

/* ====================================================================== */
/* Class objects: the kind                                                */
/* ====================================================================== */

static int class_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rp_class *c = (rp_class *)o;
    rc_object *refs[] = {c->name,      c->qualname,
                         c->bases,     c->mro,
                         c->dict,      c->base ? &c->base->ob : NULL,
                         c->subclasses};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        int r = refs[i] ? visit(refs[i], arg) : 0;
        if (r)
            return r;
    }
    return 0;
}

static void class_changed(rc_object *o) {
    rp_interp *ip = rp_interp_of(o);
    if (ip)
        ip->class_epoch++;
}

/* Drops the references that may form cycles; the class stays usable as a
 * name with bases (instances still alive may ask for them). */
static int class_clear(rc_object *o) {
    rp_class *c = (rp_class *)o;
    rc_object *dict = c->dict, *mro = c->mro, *subs = c->subclasses;
    c->dict = c->mro = c->subclasses = NULL;
    class_changed(o);
    rc_xdecref(dict);
    rc_xdecref(mro);
    rc_xdecref(subs);
    return 0;
}

static void class_dealloc(rc_object *o) {
    rp_class *c = (rp_class *)o;
    class_clear(o);
    rc_object *refs[] = {c->bases, c->base ? &c->base->ob : NULL, c->qualname,
                         c->name};
    c->bases = c->qualname = c->name = NULL;
    c->base = NULL;
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        rc_xdecref(refs[i]);
}

const char *rp_class_name(const rp_class *cls) {
    return cls->name ? rc_str_utf8(cls->name) : "?";
}

static rc_object *class_repr(rc_object *o) {
    rp_interp *ip = rp_interp_of(o);
    rp_class *c = (rp_class *)o;
    rc_object *mod = rp_class_module(ip, c);
    if (!mod)
        rp_err_clear(ip);
    const char *qn = rc_str_utf8(c->qualname ? c->qualname : c->name);
    rc_object *r;
    if (mod && rc_is_str(mod) && strcmp(rc_str_utf8(mod), "builtins") != 0)
        r = rc_str_from_format(ip->rt, "<class '%s.%s'>", rc_str_utf8(mod), qn);
    else
        r = rc_str_from_format(ip->rt, "<class '%s'>", qn);
    rc_xdecref(mod);
    return r;
}

static rc_object *class_call_slot(rc_object *o, rc_object *const *args,
                                  size_t nargs, rc_object *kwnames) {
    return rp_class_call(rp_interp_of(o), (rp_class *)o, args, nargs, kwnames);
}

static rc_object *class_getattr_slot(rc_object *o, rc_object *name) {
    return rp_class_getattr(rp_interp_of(o), (rp_class *)o, name);
}

static int class_setattr_slot(rc_object *o, rc_object *name, rc_object *v) {
    return rp_class_setattr(rp_interp_of(o), (rp_class *)o, name, v);
}

static int class_delattr_slot(rc_object *o, rc_object *name) {
    return rp_class_setattr(rp_interp_of(o), (rp_class *)o, name, NULL);
}

/* A[k]: the class's __class_getitem__ (PEP 560), a classmethod. */
static rc_object *class_getitem_slot(rc_object *o, rc_object *key) {
    rp_interp *ip = rp_interp_of(o);
    rp_class *c = (rp_class *)o;
    rc_object *name = rc_str_intern(ip->rt, "__class_getitem__");
    rc_object *f = name ? rp_class_lookup(c, name) : NULL;
    rc_xdecref(name);
    if (!f) {
        if (!rp_err_occurred(ip))
            rp_raise(ip, ip->exc.TypeError, "type '%s' is not subscriptable",
                     rp_class_name(c));
        return NULL;
    }
    rc_object *bound = rp_descr_bind(ip, f, NULL, c);
    rc_object *r = bound ? rp_call1(ip, bound, key) : NULL;
    rc_xdecref(bound);
    return r;
}

static const rc_protocol class_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = class_repr,
    .getitem = class_getitem_slot,
    .call = class_call_slot,
    .getattr = class_getattr_slot,
    .setattr = class_setattr_slot,
    .delattr = class_delattr_slot,
};

const rc_type rp_class_type = {
    .name = "type",
    .basicsize = sizeof(rp_class),
    .flags = RC_TYPE_GC,
    .traverse = class_traverse,
    .clear = class_clear,
    .dealloc = class_dealloc,
    .protocol = &class_protocol,
};

/* ====================================================================== */
/* What class an object has                                               */
/* ====================================================================== */

rp_class *rp_typemap_find(rp_interp *ip, const rc_type *t) {
    rp_class *c = ip->typemap ? typemap_get(ip->typemap, t) : NULL;
    return c ? c : ip->cls.object;
}

rp_class *rp_type_of(const rc_object *o) {
    const rc_type *t = o->type;
    if (t->flags & RC_TYPE_HEAP)
        return (rp_class *)t->owner;
    return rp_typemap_find(rp_interp_of(o), t);
}

bool rp_is_class(const rc_object *o) {
    const rc_type *t = o->type;
    if (t == &rp_class_type)
        return true;
    return (t->flags & RC_TYPE_HEAP) &&
           (((rp_class *)t->owner)->flags & RP_CLS_META_);
}

bool rp_is_subclass(const rp_class *a, const rp_class *b) {
    if (a == b)
        return true;
    if (a->mro) {
        size_t n = rc_tuple_size(a->mro);
        for (size_t i = 1; i < n; i++)
            if (rc_tuple_get(a->mro, i) == &b->ob)
                return true;
        return false;
    }
    for (const rp_class *k = a->base; k; k = k->base) /* being made */
        if (k == b)
            return true;
    return false;
}

bool rp_is_instance(const rc_object *o, const rp_class *cls) {
    return rp_is_subclass(rp_type_of(o), cls);
}

bool rp_is_value_class(rp_interp *ip, const rp_class *cls) {
    const rp_class *v[] = {ip->cls.int_,  ip->cls.float_,   ip->cls.str,
                           ip->cls.tuple, ip->cls.list,     ip->cls.dict,
                           ip->cls.set,   ip->cls.frozenset};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (v[i] && v[i] == cls)
            return cls->new_ && !(cls->flags & RP_CLS_HEAP);
    return false;
}

rc_object *rp_self_for(const rp_class *defining, rc_object *self) {
    rc_object *inner = rp_value_of(self);
    if (!inner || !defining || (defining->flags & RP_CLS_HEAP) ||
        defining->itype == &rp_object_itype)
        return self;
    return inner;
}

/* ====================================================================== */
/* Making classes                                                         */
/* ====================================================================== */

rp_class *rp_class_alloc(rp_interp *ip, rp_class *meta) {
    const rc_type *t = meta ? meta->itype : &rp_class_type;
    return (rp_class *)rc_new(ip->rt, t);
}

void rp_class_set_name(rp_class *cls, rc_object *name) {
    rc_object *old = cls->name;
    cls->name = name;
    if (cls->flags & RP_CLS_HEAP)
        cls->type_storage.name = rc_str_utf8(name);
    rc_xdecref(old);
}

int rp_class_add_subclass(rp_interp *ip, rp_class *base, rp_class *cls) {
    if (!base->subclasses && !(base->subclasses = rc_list_new(ip->rt)))
        return -1;
    rc_object *list = base->subclasses;
    size_t n = rc_list_size(list);
    if (n >= 16 && (n & (n - 1)) == 0) { /* drop dead entries now and then */
        for (size_t i = n; i-- > 0;) {
            rc_object *t = rc_weakref_get(rc_list_get(list, (ptrdiff_t)i));
            if (t)
                rc_decref(t);
            else
                rc_decref(rc_list_pop(list, (ptrdiff_t)i));
        }
    }
    rc_object *ref = rc_weakref_new(ip->rt, &cls->ob, NULL, NULL);
    if (!ref)
        return -1;
    int r = rc_list_append(list, ref);
    rc_decref(ref);
    return r;
}

/* (cls,) + base.__mro__ for classes with at most one base. */
static rc_object *linear_mro(rp_interp *ip, rp_class *cls, rp_class *base) {
    size_t nb = base ? rc_tuple_size(base->mro) : 0;
    rc_object *mro = rc_tuple_new(ip->rt, nb + 1);
    if (!mro)
        return NULL;
    rc_incref(&cls->ob);
    rc_tuple_init_item(mro, 0, &cls->ob);
    for (size_t i = 0; i < nb; i++) {
        rc_object *k = rc_tuple_get(base->mro, i);
        rc_incref(k);
        rc_tuple_init_item(mro, i + 1, k);
    }
    return mro;
}

/* Name, base, bases, MRO and an empty dict for a class made in C. */
static int init_c_class(rp_interp *ip, rp_class *cls, const char *name,
                        rp_class *base) {
    rc_object *n = rp_str(ip, name);
    if (!n)
        return -1;
    rp_class_set_name(cls, n);
    rc_incref(n);
    cls->qualname = n;
    if (base)
        rc_incref(&base->ob);
    cls->base = base;
    cls->bases =
        base ? rc_tuple_pack(ip->rt, 1, &base->ob) : rc_tuple_new(ip->rt, 0);
    cls->dict = rc_dict_new(ip->rt);
    cls->mro = linear_mro(ip, cls, base);
    if (!cls->bases || !cls->dict || !cls->mro)
        return -1;
    if (base && rp_class_add_subclass(ip, base, cls) < 0)
        return -1;
    ip->class_epoch++;
    return 0;
}

/* The slot table a builtin class's wrappers call. */
static const rc_protocol *class_impl(const rp_class *c) {
    if (!c)
        return NULL;
    if (c->flags & RP_CLS_HEAP)
        return c->layout ? c->layout->protocol : NULL;
    return c->itype ? c->itype->protocol : NULL;
}

/* __new__ of a class whose instances are made by new_. */
static int add_new_wrapper(rp_interp *ip, rp_class *cls) {
    rc_object *b = rp_builtin_new(ip, &rp_new_wrapper_def, &cls->ob);
    if (!b)
        return -1;
    return rp_class_add_object(ip, cls, "__new__", b);
}

rp_class *rp_class_new_builtin(rp_interp *ip, const char *name,
                               const rc_type *itype, rp_class *base,
                               const rp_methoddef *methods, rp_newfunc new_,
                               uint32_t flags) {
    if (!base && ip->cls.object)
        base = ip->cls.object;
    rp_class *cls = rp_class_alloc(ip, ip->cls.type);
    if (!cls)
        return NULL;
    cls->itype = itype;
    cls->flags = (flags & ~RP_CLS_HEAP) | RP_CLS_IMMUTABLE_;
    if (base) {
        cls->get = base->get;
        cls->set = base->set;
        if (!new_ && base != ip->cls.object)
            new_ = base->new_;
    }
    cls->new_ = new_;
    int r = init_c_class(ip, cls, name, base);
    if (r == 0)
        r = itype ? rp_typemap_add(ip, itype, cls) : rp_class_keep(ip, cls);
    if (r == 0 && itype && itype->protocol)
        r = rp_add_slot_wrappers(ip, cls, itype->protocol, class_impl(base));
    if (r == 0 && methods)
        r = rp_class_add_methods(ip, cls, methods);
    if (r == 0 && new_ && (!base || new_ != base->new_))
        r = add_new_wrapper(ip, cls);
    rc_decref(&cls->ob); /* the typemap or the keep list holds it */
    return r == 0 ? cls : NULL;
}

rp_class *rp_class_new_with_layout(rp_interp *ip, const char *name,
                                   rp_class *base, const rc_type *layout,
                                   const rp_methoddef *methods, rp_newfunc new_,
                                   uint32_t flags) {
    if (!base)
        base = ip->cls.object;
    rp_class *cls = rp_class_alloc(ip, ip->cls.type);
    if (!cls)
        return NULL;
    bool solid = base->layout != layout;
    rc_type *t = &cls->type_storage;
    t->basicsize = layout->basicsize;
    t->flags = layout->flags | RC_TYPE_GC | RC_TYPE_HEAP;
    t->traverse = layout->traverse;
    t->clear = layout->clear;
    t->finalize = layout->finalize;
    t->dealloc = layout->dealloc;
    t->protocol = &rp_inst_protocol;
    t->owner = &cls->ob;
    cls->itype = t;
    cls->layout = layout;
    cls->flags = flags | RP_CLS_HEAP | RP_CLS_BASETYPE | RP_CLS_HAS_DICT |
                 RP_CLS_IMMUTABLE_ | (base->flags & RP_CLS_EXCEPTION);
    cls->new_ = new_ ? new_ : base->new_;
    int r = init_c_class(ip, cls, name, base);
    if (r == 0)
        r = rp_class_keep(ip, cls);
    if (r == 0 && solid && layout->protocol)
        r = rp_add_slot_wrappers(ip, cls, layout->protocol, NULL);
    if (r == 0 && methods)
        r = rp_class_add_methods(ip, cls, methods);
    if (r == 0 && new_ && new_ != base->new_)
        r = add_new_wrapper(ip, cls);
    if (r == 0)
        rp_class_update_slots(ip, cls);
    rc_decref(&cls->ob); /* the keep list holds it */
    return r == 0 ? cls : NULL;
}

int rp_class_add_object(rp_interp *ip, rp_class *cls, const char *name,
                        rc_object *value) {
    if (!value)
        return -1;
    rc_object *key = rc_str_intern(ip->rt, name);
    int r = key ? rc_dict_setitem(cls->dict, key, value) : -1;
    rc_xdecref(key);
    rc_decref(value);
    rp_class_modified(ip, cls);
    return r < 0 ? -1 : 0;
}

/* The object a method def becomes in a class namespace. */
static rc_object *method_object(rp_interp *ip, rp_class *cls,
                                const rp_methoddef *d) {
    if (d->flags & RP_METH_STATIC) {
        rc_object *b = rp_builtin_new(ip, d, NULL);
        if (!b)
            return NULL;
        rc_object *sm = rp_staticmethod_new(ip, b);
        rc_decref(b);
        return sm;
    }
    return rp_methoddescr_new(ip, cls, d);
}

int rp_class_add_methods(rp_interp *ip, rp_class *cls,
                         const rp_methoddef *defs) {
    for (const rp_methoddef *d = defs; d->name; d++)
        if (rp_class_add_object(ip, cls, d->name, method_object(ip, cls, d)) <
            0)
            return -1;
    return 0;
}

int rp_class_add_getsets(rp_interp *ip, rp_class *cls,
                         const rp_getsetdef *defs) {
    for (const rp_getsetdef *d = defs; d->name; d++)
        if (rp_class_add_object(ip, cls, d->name, rp_getset_new(ip, cls, d)) <
            0)
            return -1;
    return 0;
}

/* ====================================================================== */
/* Keeping derived state right when namespaces change                     */
/* ====================================================================== */

/* The descriptor hooks of a heap class: the first class in the MRO that
 * defines __get__ (in Python) or has a C get decides. */
static rc_object *heap_descr_get(rp_interp *ip, rc_object *descr,
                                 rc_object *obj, rp_class *type) {
    rc_object *args[2] = {obj ? obj : ip->none, type ? &type->ob : ip->none};
    bool found;
    rc_object *r = rp_call_special(ip, descr, ip->s.get, args, 2, &found);
    if (!found && !r) { /* __get__ went away meanwhile */
        rc_incref(descr);
        return descr;
    }
    return r;
}

static int heap_descr_set(rp_interp *ip, rc_object *descr, rc_object *obj,
                          rc_object *value) {
    bool found;
    rc_object *args[2] = {obj, value};
    rc_object *name = value ? ip->s.set : ip->s.delete;
    rc_object *r =
        rp_call_special(ip, descr, name, args, value ? 2 : 1, &found);
    if (!found && !r)
        return rp_raise(ip, ip->exc.AttributeError, "%s", rc_str_utf8(name));
    if (!r)
        return -1;
    rc_decref(r);
    return 0;
}

static void derive_descr_hooks(rp_interp *ip, rp_class *cls) {
    cls->get = NULL;
    cls->set = NULL;
    bool get_done = false, set_done = false;
    size_t n = cls->mro ? rc_tuple_size(cls->mro) : 0;
    for (size_t i = 0; i < n && !(get_done && set_done); i++) {
        rp_class *k = (rp_class *)rc_tuple_get(cls->mro, i);
        if (!(k->flags & RP_CLS_HEAP) || (k->flags & RP_CLS_IMMUTABLE_)) {
            if (!get_done)
                cls->get = k->get;
            if (!set_done)
                cls->set = k->set;
            return;
        }
        if (!get_done && dict_get(k->dict, ip->s.get)) {
            cls->get = heap_descr_get;
            get_done = true;
        }
        if (!set_done &&
            (dict_get(k->dict, ip->s.set) || dict_get(k->dict, ip->s.delete))) {
            cls->set = heap_descr_set;
            set_done = true;
        }
    }
}

static void update_one(rp_interp *ip, rp_class *cls) {
    if (!(cls->flags & RP_CLS_HEAP) || !cls->layout)
        return;
    rc_object *del = rp_class_lookup(cls, ip->s.del);
    if (del) {
        cls->flags |= RP_CLS_HAS_DEL;
        cls->type_storage.finalize = rp_heap_finalize;
    } else {
        cls->flags &= ~RP_CLS_HAS_DEL;
        cls->type_storage.finalize = cls->layout->finalize;
    }
    derive_descr_hooks(ip, cls);
    rp_objstate *st = rp_objstate_of(ip);
    uint32_t f = cls->flags & ~(RP_CLS_OWN_GETATTR_ | RP_CLS_HAS_GETATTR_ |
                                RP_CLS_OWN_SETATTR_);
    if (rp_class_lookup_ip(ip, cls, ip->s.getattribute) !=
        st->object_getattribute)
        f |= RP_CLS_OWN_GETATTR_;
    if (rp_class_lookup_ip(ip, cls, ip->s.getattr))
        f |= RP_CLS_HAS_GETATTR_;
    if (rp_class_lookup_ip(ip, cls, ip->s.setattr) != st->object_setattr ||
        rp_class_lookup_ip(ip, cls, ip->s.delattr) != st->object_delattr)
        f |= RP_CLS_OWN_SETATTR_;
    cls->flags = f;
}

void rp_class_update_slots(rp_interp *ip, rp_class *cls) {
    update_one(ip, cls);
    rc_object *subs = cls->subclasses;
    if (!subs)
        return;
    rc_incref(subs);
    for (size_t i = 0; i < rc_list_size(subs); i++) {
        rc_object *sub = rc_weakref_get(rc_list_get(subs, (ptrdiff_t)i));
        if (sub) {
            rp_class_update_slots(ip, (rp_class *)sub);
            rc_decref(sub);
        }
    }
    rc_decref(subs);
}

void rp_class_modified(rp_interp *ip, rp_class *cls) {
    ip->class_epoch++;
    if (cls->flags & RP_CLS_HEAP)
        rp_class_update_slots(ip, cls);
}

/* ====================================================================== */
/* Class attributes: type.__getattribute__, type.__setattr__              */
/* ====================================================================== */

static int raise_type_no_attr(rp_interp *ip, rp_class *cls, rc_object *name) {
    rp_raise_attribute_error(ip, &cls->ob, name,
                             "type object '%s' has no attribute '%s'",
                             rp_class_name(cls), rc_str_utf8(name));
    return -1;
}

rc_object *rp_class_getattr(rp_interp *ip, rp_class *cls, rc_object *name) {
    if (rp_check_attr_name(ip, name) < 0)
        return NULL;
    rp_class *meta = rp_type_of(&cls->ob);
    rc_object *meta_attr = rp_class_lookup(meta, name);
    rp_descr_get meta_get = NULL;
    if (meta_attr) {
        rp_class *mc = rp_type_of(meta_attr);
        meta_get = mc->get;
        if (meta_get && mc->set) {
            rc_incref(meta_attr);
            rc_object *r = meta_get(ip, meta_attr, &cls->ob, meta);
            rc_decref(meta_attr);
            return r;
        }
    }
    rc_object *attr = rp_class_lookup(cls, name);
    if (attr) {
        rp_descr_get local_get = rp_type_of(attr)->get;
        rc_incref(attr);
        if (!local_get)
            return attr;
        rc_object *r = local_get(ip, attr, NULL, cls);
        rc_decref(attr);
        return r;
    }
    if (meta_attr) {
        rc_incref(meta_attr);
        if (!meta_get)
            return meta_attr;
        rc_object *r = meta_get(ip, meta_attr, &cls->ob, meta);
        rc_decref(meta_attr);
        return r;
    }
    if (cls->get || cls->set) { /* property.__get__, function.__get__ */
        rc_object *w = rp_descr_hook_slot(ip, cls, name);
        if (w || rp_err_occurred(ip))
            return w;
    }
    raise_type_no_attr(ip, cls, name);
    return NULL;
}

static bool is_dunder(rc_object *name) {
    const char *s = rc_str_utf8(name);
    size_t n = rc_str_size(name);
    return n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' &&
           s[n - 2] == '_';
}

static int set_in_namespace(rp_interp *ip, rp_class *cls, rc_object *name,
                            rc_object *value) {
    if (!cls->dict)
        return rp_raise(ip, ip->exc.TypeError, "class '%s' was cleared",
                        rp_class_name(cls));
    int r;
    if (value) {
        r = rc_dict_setitem(cls->dict, name, value);
    } else {
        r = rc_dict_lookup(cls->dict, name, &(rc_object *){NULL});
        if (r == 0)
            return raise_type_no_attr(ip, cls, name);
        if (r > 0)
            r = rc_dict_delitem(cls->dict, name);
    }
    if (r < 0)
        return -1;
    if (is_dunder(name))
        rp_class_modified(ip, cls);
    else
        ip->class_epoch++;
    return 0;
}

int rp_class_setattr(rp_interp *ip, rp_class *cls, rc_object *name,
                     rc_object *value) {
    if (rp_check_attr_name(ip, name) < 0)
        return -1;
    if (cls->flags & RP_CLS_IMMUTABLE_)
        return rp_raise(ip, ip->exc.TypeError,
                        "cannot set '%s' attribute of immutable type '%s'",
                        rc_str_utf8(name), rp_class_name(cls));
    rp_class *meta = rp_type_of(&cls->ob);
    rc_object *meta_attr = rp_class_lookup(meta, name);
    if (meta_attr) {
        rp_descr_set set = rp_type_of(meta_attr)->set;
        if (set) {
            rc_incref(meta_attr);
            int r = set(ip, meta_attr, &cls->ob, value);
            rc_decref(meta_attr);
            return r;
        }
    }
    return set_in_namespace(ip, cls, name, value);
}

/* ====================================================================== */
/* type's getsets                                                         */
/* ====================================================================== */

static int check_type_attr_set(rp_interp *ip, rp_class *c, rc_object *v,
                               const char *what) {
    if (c->flags & RP_CLS_IMMUTABLE_)
        return rp_raise(ip, ip->exc.TypeError,
                        "cannot set '%s' attribute of immutable type '%s'",
                        what, rp_class_name(c));
    if (!v)
        return rp_raise(ip, ip->exc.TypeError,
                        "cannot delete '%s' attribute of immutable type '%s'",
                        what, rp_class_name(c));
    return 0;
}

static rc_object *type_get_name(rp_interp *ip, rc_object *self) {
    return rp_new_ref(((rp_class *)self)->name);
}

static int type_set_name(rp_interp *ip, rc_object *self, rc_object *v) {
    rp_class *c = (rp_class *)self;
    if (check_type_attr_set(ip, c, v, "__name__") < 0)
        return -1;
    if (!rc_is_str(v))
        return rp_raise(ip, ip->exc.TypeError,
                        "can only assign string to %s.__name__, not '%s'",
                        rp_class_name(c), rp_tname(v));
    if (strlen(rc_str_utf8(v)) != rc_str_size(v))
        return rp_raise(ip, ip->exc.ValueError,
                        "type name must not contain null characters");
    rc_incref(v);
    rp_class_set_name(c, v);
    ip->class_epoch++;
    return 0;
}

static rc_object *type_get_qualname(rp_interp *ip, rc_object *self) {
    rp_class *c = (rp_class *)self;
    return rp_new_ref(c->qualname ? c->qualname : c->name);
}

static int type_set_qualname(rp_interp *ip, rc_object *self, rc_object *v) {
    rp_class *c = (rp_class *)self;
    if (check_type_attr_set(ip, c, v, "__qualname__") < 0)
        return -1;
    if (!rc_is_str(v))
        return rp_raise(ip, ip->exc.TypeError,
                        "can only assign string to %s.__qualname__, not '%s'",
                        rp_class_name(c), rp_tname(v));
    rc_incref(v);
    rc_object *old = c->qualname;
    c->qualname = v;
    rc_xdecref(old);
    return 0;
}

rc_object *rp_class_module(rp_interp *ip, rp_class *c) {
    rc_object *m = dict_get(c->dict, ip->s.module);
    if (m)
        return rp_new_ref(m);
    if (c->flags & RP_CLS_IMMUTABLE_)
        return rp_str(ip, "builtins");
    rp_raise(ip, ip->exc.AttributeError, "__module__");
    return NULL;
}

static rc_object *type_get_module(rp_interp *ip, rc_object *self) {
    return rp_class_module(ip, (rp_class *)self);
}

static int type_set_module(rp_interp *ip, rc_object *self, rc_object *v) {
    rp_class *c = (rp_class *)self;
    if (check_type_attr_set(ip, c, v, "__module__") < 0)
        return -1;
    return set_in_namespace(ip, c, ip->s.module, v);
}

static rc_object *type_get_bases(rp_interp *ip, rc_object *self) {
    return rp_new_ref(((rp_class *)self)->bases);
}

static rc_object *type_get_base(rp_interp *ip, rc_object *self) {
    rp_class *b = ((rp_class *)self)->base;
    return rp_new_ref(b ? &b->ob : ip->none);
}

static rc_object *type_get_mro(rp_interp *ip, rc_object *self) {
    rc_object *m = ((rp_class *)self)->mro;
    return rp_new_ref(m ? m : ip->none);
}

static rc_object *type_get_dict(rp_interp *ip, rc_object *self) {
    rp_class *c = (rp_class *)self;
    if (!c->dict)
        return rp_new_ref(ip->none);
    return rp_mappingproxy_new(ip, c->dict);
}

static rc_object *type_get_doc(rp_interp *ip, rc_object *self) {
    rp_class *c = (rp_class *)self;
    rc_object *d = dict_get(c->dict, ip->s.doc);
    if (!d)
        return rp_new_ref(ip->none);
    return rp_descr_bind(ip, d, NULL, c);
}

static int type_set_doc(rp_interp *ip, rc_object *self, rc_object *v) {
    rp_class *c = (rp_class *)self;
    if (check_type_attr_set(ip, c, v, "__doc__") < 0)
        return -1;
    return set_in_namespace(ip, c, ip->s.doc, v);
}

/* __abstractmethods__ lives in the namespace of the classes abc makes; a
 * true value forbids instantiation (object.__new__ checks the flag). */
static rc_object *type_get_abstract(rp_interp *ip, rc_object *self) {
    rp_class *c = (rp_class *)self;
    rc_object *v = c != ip->cls.type
                       ? dict_get(c->dict, rp_objstate_of(ip)->abstract_name)
                       : NULL;
    if (v)
        return rp_new_ref(v);
    rp_raise_attribute_error(ip, self, rp_objstate_of(ip)->abstract_name,
                             "__abstractmethods__");
    return NULL;
}

static int type_set_abstract(rp_interp *ip, rc_object *self, rc_object *v) {
    rp_class *c = (rp_class *)self;
    int t = v ? rp_truth(ip, v) : 0;
    if (t < 0)
        return -1;
    if (!v && !dict_get(c->dict, rp_objstate_of(ip)->abstract_name)) {
        rp_raise_attribute_error(ip, self, rp_objstate_of(ip)->abstract_name,
                                 "__abstractmethods__");
        return -1;
    }
    if (set_in_namespace(ip, c, rp_objstate_of(ip)->abstract_name, v) < 0)
        return -1;
    if (t)
        c->flags |= RP_CLS_ABSTRACT;
    else
        c->flags &= ~RP_CLS_ABSTRACT;
    return 0;
}

static const rp_getsetdef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL},
    {"__module__", type_get_module, type_set_module, NULL},
    {"__bases__", type_get_bases, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL},
    {"__abstractmethods__", type_get_abstract, type_set_abstract, NULL},
    {NULL},
};

/* ====================================================================== */
/* type's methods                                                         */
/* ====================================================================== */

static rc_object *type_mro(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    if (rp_check_args(ip, "mro", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rp_class *c = (rp_class *)self;
    rc_object *mro = c->mro ? c->mro : rp_class_compute_mro(ip, c, c->bases);
    if (!mro)
        return NULL;
    if (mro == c->mro)
        rc_incref(mro);
    rc_object *l = rc_list_new(ip->rt);
    int r = l ? rc_list_extend(l, mro) : -1;
    rc_decref(mro);
    if (r < 0) {
        rc_xdecref(l);
        return NULL;
    }
    return l;
}

static rc_object *type_subclasses(rp_interp *ip, rc_object *self,
                                  rc_object *const *args, size_t nargs,
                                  rc_object *kwnames) {
    if (rp_check_args(ip, "__subclasses__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rp_class *c = (rp_class *)self;
    rc_object *l = rc_list_new(ip->rt);
    size_t n = c->subclasses ? rc_list_size(c->subclasses) : 0;
    for (size_t i = 0; l && i < n; i++) {
        rc_object *s = rc_weakref_get(rc_list_get(c->subclasses, (ptrdiff_t)i));
        if (s && rc_list_append(l, s) < 0) {
            rc_decref(s);
            rc_decref(l);
            return NULL;
        }
        rc_xdecref(s);
    }
    return l;
}

static rc_object *type_prepare(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    return rc_dict_new(ip->rt);
}

static rc_object *type_instancecheck(rp_interp *ip, rc_object *self,
                                     rc_object *const *args, size_t nargs,
                                     rc_object *kwnames) {
    if (rp_check_args(ip, "__instancecheck__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int r = rp_real_isinstance(ip, args[0], self);
    return r < 0 ? NULL : rp_new_ref(rp_bool(ip, r));
}

static rc_object *type_subclasscheck(rp_interp *ip, rc_object *self,
                                     rc_object *const *args, size_t nargs,
                                     rc_object *kwnames) {
    if (rp_check_args(ip, "__subclasscheck__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int r = rp_real_issubclass(ip, args[0], self);
    return r < 0 ? NULL : rp_new_ref(rp_bool(ip, r));
}

/* Adds the keys of every dict along cls's MRO to d. */
static int merge_class_dict(rp_interp *ip, rc_object *d, rp_class *cls) {
    size_t n = cls->mro ? rc_tuple_size(cls->mro) : 0;
    for (size_t i = 0; i < n; i++) {
        rp_class *k = (rp_class *)rc_tuple_get(cls->mro, i);
        if (k->dict && rc_dict_update(d, k->dict) < 0)
            return -1;
    }
    return 0;
}

static rc_object *dict_keys_list(rp_interp *ip, rc_object *d) {
    rc_object *l = rc_list_new(ip->rt);
    rc_object *k;
    size_t pos = 0;
    while (l && rc_dict_next(d, &pos, &k, NULL)) {
        if (rc_list_append(l, k) < 0) {
            rc_decref(l);
            return NULL;
        }
    }
    return l;
}

static rc_object *type_dir(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    if (rp_check_args(ip, "__dir__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *d = rc_dict_new(ip->rt);
    if (!d || merge_class_dict(ip, d, (rp_class *)self) < 0) {
        rc_xdecref(d);
        return NULL;
    }
    rc_object *l = dict_keys_list(ip, d);
    rc_decref(d);
    return l;
}

static rc_object *type_sizeof(rp_interp *ip, rc_object *self,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames) {
    if (rp_check_args(ip, "__sizeof__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_int_from_u64(ip->rt, rc_sizeof(self));
}

static const rp_methoddef type_methods[] = {
    {"mro", type_mro, 0, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses, 0,
     "Return a list of immediate subclasses."},
    {"__prepare__", type_prepare, RP_METH_CLASS,
     "Create the namespace for the class statement"},
    {"__instancecheck__", type_instancecheck, 0,
     "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, 0,
     "Check if a class is a subclass."},
    {"__dir__", type_dir, 0, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, 0,
     "Return memory consumption of the type object."},
    {NULL},
};

int rp_init_type_attrs(rp_interp *ip) {
    rp_class *t = ip->cls.type;
    static const char *const slots[] = {"__repr__",         "__call__",
                                        "__getattribute__", "__setattr__",
                                        "__delattr__",      NULL};
    for (size_t i = 0; slots[i]; i++)
        if (rp_add_slot_wrapper(ip, t, slots[i], &class_protocol) < 0)
            return -1;
    if (rp_add_wrapper(ip, t, &rp_type_init_slot, NULL) < 0 ||
        rp_class_add_methods(ip, t, type_methods) < 0 ||
        rp_class_add_getsets(ip, t, type_getsets) < 0)
        return -1;
    return 0;
}

/* ====================================================================== */
/* Start-up and shutdown                                                  */
/* ====================================================================== */

static int alloc_tables(rp_interp *ip) {
    rp_typemap *tm = rc_malloc(ip->rt, sizeof *tm);
    if (!tm)
        return -1;
    memset(tm, 0, sizeof *tm);
    ip->typemap = tm;
    ip->class_epoch = 1;
    tm->slots = rc_malloc(ip->rt, 64 * sizeof *tm->slots);
    if (!tm->slots)
        return -1;
    tm->cap = 64;
    memset(tm->slots, 0, tm->cap * sizeof *tm->slots);
    ip->lookup = rc_malloc(ip->rt, sizeof *ip->lookup);
    if (!ip->lookup)
        return -1;
    memset(ip->lookup, 0, sizeof *ip->lookup);
    tm->st.keep = rc_list_new(ip->rt);
    return tm->st.keep ? 0 : -1;
}

/* object and type refer to each other: made by hand. */
static int make_object_and_type(rp_interp *ip) {
    rp_class *obj = rp_class_alloc(ip, NULL);
    rp_class *type = rp_class_alloc(ip, NULL);
    if (!obj || !type) {
        if (obj)
            rc_decref(&obj->ob);
        if (type)
            rc_decref(&type->ob);
        return -1;
    }
    obj->itype = &rp_object_itype;
    obj->layout = &rp_inst_layout;
    obj->flags = RP_CLS_BASETYPE | RP_CLS_IMMUTABLE_;
    obj->new_ = rp_object_new;
    type->itype = &rp_class_type;
    type->layout = &rp_class_type;
    type->flags = RP_CLS_BASETYPE | RP_CLS_IMMUTABLE_ | RP_CLS_META_;
    type->new_ = rp_type_new;
    ip->cls.object = obj;
    ip->cls.type = type;
    int r = init_c_class(ip, obj, "object", NULL);
    if (r == 0)
        r = init_c_class(ip, type, "type", obj);
    if (r == 0)
        r = rp_typemap_add(ip, &rp_object_itype, obj);
    if (r == 0)
        r = rp_typemap_add(ip, &rp_class_type, type);
    rc_decref(&obj->ob); /* the typemap holds them */
    rc_decref(&type->ob);
    if (r < 0)
        ip->cls.object = ip->cls.type = NULL;
    return r;
}

int rp_init_classes(rp_interp *ip) {
    if (alloc_tables(ip) < 0 || rp_init_op_names(ip) < 0 ||
        make_object_and_type(ip) < 0)
        return -1;
    rp_objstate *st = rp_objstate_of(ip);
    if (rp_init_slotwrap(ip) < 0 || rp_init_object_attrs(ip) < 0 ||
        add_new_wrapper(ip, ip->cls.object) < 0 ||
        add_new_wrapper(ip, ip->cls.type) < 0 || rp_init_type_attrs(ip) < 0)
        return -1;
    st->object_new = dict_get(ip->cls.object->dict, ip->s.new_);
    st->type_new = dict_get(ip->cls.type->dict, ip->s.new_);
    st->object_init = dict_get(ip->cls.object->dict, ip->s.init);
    st->object_getattribute =
        dict_get(ip->cls.object->dict, ip->s.getattribute);
    st->object_setattr = dict_get(ip->cls.object->dict, ip->s.setattr);
    st->object_delattr = dict_get(ip->cls.object->dict, ip->s.delattr);
    return 0;
}

void rp_fini_classes(rp_interp *ip) {
    rp_typemap *tm = ip->typemap;
    lookup_cache_free(ip);
    if (!tm)
        return;
    rp_fini_op_names(ip);
    ip->typemap = NULL;
    for (size_t i = 0; i < tm->cap; i++)
        if (tm->slots && tm->slots[i].key)
            rc_decref(&tm->slots[i].cls->ob);
    if (tm->slots)
        rc_free(ip->rt, tm->slots, tm->cap * sizeof *tm->slots);
    rc_xdecref(tm->st.keep);
    rc_free(ip->rt, tm, sizeof *tm);
    memset(&ip->cls, 0, sizeof ip->cls);
}
