/*
 * instance.c — instances of classes made at run time: their attribute
 * tables, the rp_inst layout (and __slots__ values after it), generic
 * attribute lookup (object.__getattribute__ / __setattr__), __del__, and the
 * behaviour of `object` itself (its repr, hash, comparisons and methods).
 *
 * An instance keeps its attributes in an rp_attrs table — name/value pairs
 * in memory from rc_malloc, not an object — so that making an instance
 * moves gc.get_count() by exactly one, as CPython 3.11 does. Asking for
 * __dict__ moves the pairs into a real dict, which the instance then uses
 * for good.
 *
 * Invariants: an instance has a table or a dict, never both; the table
 * owns a reference to each name and value; a value is released only after
 * the table is consistent again (releasing may run __del__, which may touch
 * the same instance).
 */
#include "objmodel.h"

#include <string.h>

/* ====================================================================== */
/* The attribute table                                                    */
/* ====================================================================== */

struct rp_attrs {
    uint32_t len;    /* pairs in use */
    uint32_t cap;    /* pairs allocated */
    rc_object *kv[]; /* name0, value0, name1, value1 ... (strong) */
};

static size_t attrs_bytes(uint32_t cap) {
    return sizeof(rp_attrs) + 2 * (size_t)cap * sizeof(rc_object *);
}

static bool same_str(rc_object *a, rc_object *b) {
    size_t n = rc_str_size(a);
    return n == rc_str_size(b) &&
           memcmp(rc_str_utf8(a), rc_str_utf8(b), n) == 0;
}

/* The pair index of name, or -1. Names are compared by identity first
 * (attribute names are interned), then by text. */
static ptrdiff_t attrs_find(const rp_attrs *a, rc_object *name) {
    for (uint32_t i = 0; i < a->len; i++)
        if (a->kv[2 * i] == name)
            return i;
    for (uint32_t i = 0; i < a->len; i++)
        if (same_str(a->kv[2 * i], name))
            return i;
    return -1;
}

static void attrs_free(rc_runtime *rt, rp_attrs *a) {
    if (!a)
        return;
    for (uint32_t i = 0; i < 2 * a->len; i++)
        rc_decref(a->kv[i]);
    rc_free(rt, a, attrs_bytes(a->cap));
}

/* Room for one more pair; NULL + RC_ENOMEM. */
static rp_attrs *attrs_reserve(rc_runtime *rt, rp_attrs *a) {
    if (a && a->len < a->cap)
        return a;
    uint32_t ncap = a ? a->cap * 2 : 4;
    rp_attrs *n =
        rc_realloc(rt, a, a ? attrs_bytes(a->cap) : 0, attrs_bytes(ncap));
    if (!n)
        return NULL;
    if (!a)
        n->len = 0;
    n->cap = ncap;
    return n;
}

static bool is_inst(const rc_object *o) {
    const rc_type *t = o->type;
    return (t->flags & RC_TYPE_HEAP) &&
           (((const rp_class *)t->owner)->flags & RP_CLS_HAS_DICT);
}

bool rp_has_inst_attrs(const rc_object *o) {
    return is_inst(o);
}

rc_object *rp_inst_attr_get(rc_object *inst, rc_object *name) {
    rp_inst *in = (rp_inst *)inst;
    if (in->dict) {
        rc_object *v = NULL;
        if (rc_dict_lookup(in->dict, name, &v) < 0) {
            rc_clear_error(rc_runtime_of(inst));
            return NULL;
        }
        return v;
    }
    if (!in->attrs)
        return NULL;
    ptrdiff_t i = attrs_find(in->attrs, name);
    return i < 0 ? NULL : in->attrs->kv[2 * i + 1];
}

static int dict_attr_set(rc_object *dict, rc_object *name, rc_object *value) {
    if (value)
        return rc_dict_setitem(dict, name, value) < 0 ? -1 : 0;
    rc_object *v;
    int r = rc_dict_lookup(dict, name, &v);
    if (r <= 0)
        return r;
    return rc_dict_delitem(dict, name) < 0 ? -1 : 1;
}

static int table_attr_set(rc_runtime *rt, rp_inst *in, rc_object *name,
                          rc_object *value) {
    ptrdiff_t i = in->attrs ? attrs_find(in->attrs, name) : -1;
    if (i >= 0) {
        rc_object **slot = &in->attrs->kv[2 * i];
        rc_object *old_name = slot[0], *old = slot[1];
        if (value) {
            rc_incref(value);
            slot[1] = value;
            rc_decref(old);
            return 0;
        }
        rp_attrs *a = in->attrs;
        memmove(slot, slot + 2, (size_t)(a->len - 1 - i) * 2 * sizeof *slot);
        a->len--;
        rc_decref(old_name);
        rc_decref(old);
        return 1;
    }
    if (!value)
        return 0;
    rp_attrs *a = attrs_reserve(rt, in->attrs);
    if (!a)
        return -1;
    in->attrs = a;
    rc_incref(name);
    rc_incref(value);
    a->kv[2 * a->len] = name;
    a->kv[2 * a->len + 1] = value;
    a->len++;
    return 0;
}

int rp_inst_attr_set(rp_interp *ip, rc_object *inst, rc_object *name,
                     rc_object *value) {
    rp_inst *in = (rp_inst *)inst;
    if (in->dict)
        return dict_attr_set(in->dict, name, value);
    return table_attr_set(ip->rt, in, name, value);
}

rc_object *rp_inst_dict(rp_interp *ip, rc_object *inst) {
    rp_inst *in = (rp_inst *)inst;
    if (in->dict)
        return in->dict;
    rc_object *d = rc_dict_new(ip->rt);
    if (!d)
        return NULL;
    rp_attrs *a = in->attrs;
    for (uint32_t i = 0; a && i < a->len; i++) {
        if (rc_dict_setitem(d, a->kv[2 * i], a->kv[2 * i + 1]) < 0) {
            rc_decref(d);
            return NULL;
        }
    }
    in->attrs = NULL;
    in->dict = d;
    attrs_free(ip->rt, a);
    return d;
}

/* ====================================================================== */
/* The rp_inst layout and __slots__ values                                */
/* ====================================================================== */

int rp_inst_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rp_inst *in = (rp_inst *)o;
    if (in->dict) {
        int r = visit(in->dict, arg);
        if (r)
            return r;
    }
    rp_attrs *a = in->attrs;
    for (uint32_t i = 0; a && i < 2 * a->len; i++) {
        int r = visit(a->kv[i], arg);
        if (r)
            return r;
    }
    return 0;
}

int rp_inst_clear(rc_object *o) {
    rp_inst *in = (rp_inst *)o;
    rp_attrs *a = in->attrs;
    rc_object *d = in->dict;
    in->attrs = NULL;
    in->dict = NULL;
    attrs_free(rc_runtime_of(o), a);
    rc_xdecref(d);
    return 0;
}

void rp_inst_dealloc(rc_object *o) {
    rp_inst_clear(o);
}

const rc_type rp_inst_layout = {
    .name = "instance",
    .basicsize = sizeof(rp_inst),
    .flags = RC_TYPE_GC,
    .traverse = rp_inst_traverse,
    .clear = rp_inst_clear,
    .dealloc = rp_inst_dealloc,
};

static rc_object **slot_values(rc_object *o, const rp_class *cls) {
    return (rc_object **)((char *)o + cls->slots_offset);
}

int rp_heap_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    const rp_class *cls = (const rp_class *)o->type->owner;
    int r = cls->layout->traverse ? cls->layout->traverse(o, visit, arg) : 0;
    rc_object **s = slot_values(o, cls);
    for (uint32_t i = 0; !r && i < cls->nslots; i++)
        r = s[i] ? visit(s[i], arg) : 0;
    return r;
}

static void clear_slots(rc_object *o, const rp_class *cls) {
    rc_object **s = slot_values(o, cls);
    for (uint32_t i = 0; i < cls->nslots; i++) {
        rc_object *v = s[i];
        s[i] = NULL;
        rc_xdecref(v);
    }
}

int rp_heap_clear(rc_object *o) {
    const rp_class *cls = (const rp_class *)o->type->owner;
    if (cls->layout->clear)
        cls->layout->clear(o);
    clear_slots(o, cls);
    return 0;
}

void rp_heap_dealloc(rc_object *o) {
    const rp_class *cls = (const rp_class *)o->type->owner;
    if (cls->layout->dealloc)
        cls->layout->dealloc(o);
    else if (cls->layout->clear)
        cls->layout->clear(o);
    clear_slots(o, cls);
}

/* ====================================================================== */
/* __del__                                                                */
/* ====================================================================== */

/* rc_type.finalize of classes with __del__: called at most once (the
 * library's PEP 442 rule); the object may come back to life. An exception
 * in __del__ is printed as CPython prints it ("Exception ignored in:
 * <function A.__del__ at 0x...>" and the traceback) and dropped; an
 * exception pending before is kept. */
void rp_heap_finalize(rc_object *o) {
    rp_interp *ip = rp_interp_of(o);
    if (!ip || !ip->typemap)
        return; /* the interpreter is being torn down */
    rc_object *del = rp_class_lookup(rp_type_of(o), ip->s.del);
    if (!del)
        return;
    rc_incref(del);
    rc_object *saved = rp_err_occurred(ip) ? rp_err_fetch(ip) : NULL;
    rc_object *r = rp_call_unbound(ip, del, o, NULL, 0, NULL);
    if (r)
        rc_decref(r);
    else
        rp_err_write_unraisable(ip, NULL, del);
    rc_decref(del);
    if (saved)
        rp_err_restore(ip, saved);
}

/* ====================================================================== */
/* Generic attribute access: object.__getattribute__, __setattr__         */
/* ====================================================================== */

static rc_object *call_get(rp_interp *ip, rp_descr_get f, rc_object *descr,
                           rc_object *obj, rp_class *type) {
    rc_incref(descr);
    rc_object *r = f(ip, descr, obj, type);
    rc_decref(descr);
    return r;
}

rc_object *rp_generic_getattr(rp_interp *ip, rc_object *o, rc_object *name) {
    rp_class *tp = rp_type_of_ip(ip, o);
    rc_object *descr = rp_class_lookup_ip(ip, tp, name);
    rp_descr_get f = NULL;
    if (descr) {
        rp_class *dc = rp_type_of_ip(ip, descr);
        f = dc->get;
        if (f && dc->set)
            return call_get(ip, f, descr, o, tp);
    }
    if (is_inst(o)) {
        rc_object *v = rp_inst_attr_get(o, name);
        if (v) {
            rc_incref(v);
            return v;
        }
    }
    if (f)
        return call_get(ip, f, descr, o, tp);
    if (descr) {
        rc_incref(descr);
        return descr;
    }
    if (tp->get || tp->set) {
        rc_object *w = rp_descr_hook_wrapper(ip, o, name);
        if (w || rp_err_occurred(ip))
            return w;
    }
    rp_raise_no_attr(ip, o, name);
    return NULL;
}

int rp_generic_setattr(rp_interp *ip, rc_object *o, rc_object *name,
                       rc_object *value) {
    rp_class *tp = rp_type_of_ip(ip, o);
    rc_object *descr = rp_class_lookup_ip(ip, tp, name);
    if (descr) {
        rp_descr_set set = rp_type_of_ip(ip, descr)->set;
        if (set) {
            rc_incref(descr);
            int r = set(ip, descr, o, value);
            rc_decref(descr);
            return r;
        }
    }
    if (is_inst(o)) {
        int r = rp_inst_attr_set(ip, o, name, value);
        if (r < 0)
            return -1;
        if (r == 0 && !value)
            return rp_raise_no_attr(ip, o, name);
        return 0;
    }
    if (descr)
        return rp_raise(ip, ip->exc.AttributeError,
                        "'%s' object attribute '%s' is read-only", rp_tname(o),
                        rc_str_utf8(name));
    return rp_raise_no_attr(ip, o, name);
}

/* ====================================================================== */
/* object's own slots                                                     */
/* ====================================================================== */

static rc_object *object_repr(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    rp_class *c = rp_type_of(self);
    rc_object *mod = rp_class_module(ip, c);
    if (!mod)
        rp_err_clear(ip);
    rc_object *r;
    if (mod && rc_is_str(mod) && strcmp(rc_str_utf8(mod), "builtins") != 0)
        r = rc_str_from_format(ip->rt, "<%s.%s object at %p>", rc_str_utf8(mod),
                               rc_str_utf8(c->qualname ? c->qualname : c->name),
                               (void *)self);
    else
        r = rc_str_from_format(ip->rt, "<%s object at %p>", rp_class_name(c),
                               (void *)self);
    rc_xdecref(mod);
    return r;
}

static rc_object *object_str(rc_object *self) {
    return rc_repr(self);
}

static rc_object *object_format(rc_object *self, rc_object *spec) {
    if (rc_str_size(spec) > 0) {
        rp_interp *ip = rp_interp_of(self);
        rp_raise(ip, ip->exc.TypeError,
                 "unsupported format string passed to %s.__format__",
                 rp_tname(self));
        return NULL;
    }
    return rc_str(self);
}

static int object_hash(rc_object *self, int64_t *out) {
    *out = rc_hash_identity(self);
    return 0;
}

static rc_object *object_richcompare(rc_object *self, rc_object *other,
                                     rc_cmp op);

/* type(self).__eq__(self, other) as object.__ne__ asks it. */
static rc_object *own_eq(rp_interp *ip, rc_object *self, rc_object *other) {
    const rc_protocol *p = self->type->protocol;
    if (p == &rp_inst_protocol)
        return rp_inst_compare_plain(ip, self, other, RC_EQ);
    if (p && p->richcompare && p->richcompare != object_richcompare)
        return p->richcompare(self, other, RC_EQ);
    rc_object *r = self == other ? ip->true_ : rc_notimplemented(ip->rt);
    rc_incref(r);
    return r;
}

static rc_object *object_richcompare(rc_object *self, rc_object *other,
                                     rc_cmp op) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *r;
    switch (op) {
    case RC_EQ:
        r = self == other ? ip->true_ : rc_notimplemented(ip->rt);
        rc_incref(r);
        return r;
    case RC_NE: {
        rc_object *eq = own_eq(ip, self, other);
        if (!eq || rc_is_notimplemented(eq))
            return eq;
        int t = rp_truth(ip, eq);
        rc_decref(eq);
        if (t < 0)
            return NULL;
        r = rp_bool(ip, !t);
        rc_incref(r);
        return r;
    }
    default:
        return rc_notimplemented(ip->rt);
    }
}

static rc_object *object_getattr(rc_object *self, rc_object *name) {
    return rp_generic_getattr(rp_interp_of(self), self, name);
}

static int object_setattr(rc_object *self, rc_object *name, rc_object *v) {
    return rp_generic_setattr(rp_interp_of(self), self, name, v);
}

static int object_delattr(rc_object *self, rc_object *name) {
    return rp_generic_setattr(rp_interp_of(self), self, name, NULL);
}

const rc_protocol rp_object_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = object_repr,
    .str = object_str,
    .format = object_format,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattr = object_getattr,
    .setattr = object_setattr,
    .delattr = object_delattr,
};

const rc_type rp_object_itype = {
    .name = "object",
    .basicsize = sizeof(rc_object),
    .protocol = &rp_object_protocol,
};

/* ====================================================================== */
/* Attributes of instances: __class__, __dict__, __weakref__              */
/* ====================================================================== */

static rc_object *get_class(rp_interp *ip, rc_object *self) {
    rp_class *c = rp_type_of(self);
    rc_incref(&c->ob);
    return &c->ob;
}

/* Can instances of a be retyped as b? Same storage, same slots. */
/* The builtin class whose value instances of c wrap (c a value subclass). */
static const rp_class *value_root(const rp_class *c) {
    while (c && (c->flags & RP_CLS_HEAP))
        c = c->base;
    return c;
}

static bool same_layout(const rp_class *a, const rp_class *b) {
    if ((a->flags & RP_CLS_VALUE_) != (b->flags & RP_CLS_VALUE_) ||
        ((a->flags & RP_CLS_VALUE_) && value_root(a) != value_root(b)))
        return false;
    return a->layout == b->layout && a->nslots == b->nslots &&
           (a->flags & RP_CLS_HAS_DICT) == (b->flags & RP_CLS_HAS_DICT);
}

static int set_class(rp_interp *ip, rc_object *self, rc_object *value) {
    if (!value)
        return rp_raise(ip, ip->exc.TypeError,
                        "can't delete __class__ attribute");
    if (!rp_is_class(value))
        return rp_raise(ip, ip->exc.TypeError,
                        "__class__ must be set to a class, not '%s' object",
                        rp_tname(value));
    rp_class *old = rp_type_of(self), *new_ = (rp_class *)value;
    if (!(old->flags & RP_CLS_HEAP) || (old->flags & RP_CLS_IMMUTABLE_) ||
        !(new_->flags & RP_CLS_HEAP) || (new_->flags & RP_CLS_IMMUTABLE_))
        return rp_raise(ip, ip->exc.TypeError,
                        "__class__ assignment only supported for mutable "
                        "types or ModuleType subclasses");
    if (!same_layout(old, new_))
        return rp_raise(ip, ip->exc.TypeError,
                        "__class__ assignment: '%s' object layout differs "
                        "from '%s'",
                        rp_class_name(new_), rp_class_name(old));
    /* each object holds a reference to its heap type's owner */
    rc_incref(&new_->ob);
    self->type = &new_->type_storage;
    rc_decref(&old->ob);
    return 0;
}

static const rp_getsetdef object_getsets[] = {
    {"__class__", get_class, set_class, "the object's class"},
    {NULL},
};

static rc_object *get_dict(rp_interp *ip, rc_object *self) {
    rc_object *d = rp_inst_dict(ip, self);
    rc_xincref(d);
    return d;
}

static int set_dict(rp_interp *ip, rc_object *self, rc_object *value) {
    if (value && !rc_is_dict(value))
        return rp_raise(ip, ip->exc.TypeError,
                        "__dict__ must be set to a dictionary, not a '%s'",
                        rp_tname(value));
    rp_inst *in = (rp_inst *)self;
    rp_attrs *a = in->attrs;
    rc_object *old = in->dict;
    rc_xincref(value);
    in->attrs = NULL;
    in->dict = value;
    attrs_free(ip->rt, a);
    rc_xdecref(old);
    return 0;
}

const rp_getsetdef rp_inst_dict_getset[] = {
    {"__dict__", get_dict, set_dict, NULL},
    {NULL},
};

/* The first Python weak reference to self (the library's own weakrefs
 * are not Python objects: only the weakref part knows which wraps which). */
static rc_object *get_weakref(rp_interp *ip, rc_object *self) {
    return rp_weakref_head(ip, self);
}

const rp_getsetdef rp_inst_weakref_getset[] = {
    {"__weakref__", get_weakref, NULL, NULL},
    {NULL},
};

/* ====================================================================== */
/* object's methods                                                       */
/* ====================================================================== */

static rc_object *object_init_subclass(rp_interp *ip, rc_object *cls,
                                       rc_object *const *args, size_t nargs,
                                       rc_object *kwnames) {
    rp_class *c = (rp_class *)cls;
    const char *qn = rc_str_utf8(c->qualname ? c->qualname : c->name);
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError,
                 "%s.__init_subclass__() takes no keyword arguments", qn);
        return NULL;
    }
    if (nargs) {
        rp_raise(ip, ip->exc.TypeError,
                 "%s.__init_subclass__() takes no arguments (%zu given)", qn,
                 nargs);
        return NULL;
    }
    rc_incref(ip->none);
    return ip->none;
}

static rc_object *object_subclasshook(rp_interp *ip, rc_object *cls,
                                      rc_object *const *args, size_t nargs,
                                      rc_object *kwnames) {
    return rc_notimplemented(ip->rt);
}

static rc_object *object_sizeof(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    if (rp_check_args(ip, "__sizeof__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_int_from_u64(ip->rt, rc_sizeof(self));
}

/* dir(obj): the names in its __dict__, then its class's, unsorted (the
 * builtin sorts). */
static rc_object *object_dir(rp_interp *ip, rc_object *self,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    if (rp_check_args(ip, "__dir__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *d = rc_dict_new(ip->rt), *own = NULL;
    if (!d)
        return NULL;
    /* the object's __dict__ (instances, modules, functions ...) */
    int r = rp_getattr_opt(ip, self, ip->s.dict, &own);
    if (r < 0 || (r > 0 && rc_is_dict(own) && rc_dict_update(d, own) < 0)) {
        rc_xdecref(own);
        goto fail;
    }
    rc_xdecref(own);
    rp_class *c = rp_type_of(self);
    size_t n = c->mro ? rc_tuple_size(c->mro) : 0;
    for (size_t i = 0; i < n; i++) {
        rp_class *k = (rp_class *)rc_tuple_get(c->mro, i);
        if (k->dict && rc_dict_update(d, k->dict) < 0)
            goto fail;
    }
    rc_object *keys = rc_list_new(ip->rt);
    rc_object *k;
    size_t pos = 0;
    while (keys && rc_dict_next(d, &pos, &k, NULL))
        if (rc_list_append(keys, k) < 0) {
            rc_decref(keys);
            keys = NULL;
        }
    rc_decref(d);
    return keys;
fail:
    rc_decref(d);
    return NULL;
}

static const rp_methoddef object_methods[] = {
    {"__init_subclass__", object_init_subclass, RP_METH_CLASS,
     "This method is called when a class is subclassed."},
    {"__subclasshook__", object_subclasshook, RP_METH_CLASS,
     "Abstract classes can override this to customize issubclass()."},
    {"__sizeof__", object_sizeof, 0, "Size of object in memory, in bytes."},
    {"__dir__", object_dir, 0, "Default dir() implementation."},
    {NULL},
};

int rp_init_object_attrs(rp_interp *ip) {
    rp_class *o = ip->cls.object;
    if (rp_add_slot_wrappers(ip, o, &rp_object_protocol, NULL) < 0 ||
        rp_add_wrapper(ip, o, &rp_object_init_slot, NULL) < 0 ||
        rp_class_add_methods(ip, o, object_methods) < 0 ||
        rp_class_add_getsets(ip, o, object_getsets) < 0)
        return -1;
    rc_object *doc = rp_str(ip, "The base class of the class hierarchy.\n\n"
                                "When called, it accepts no arguments and "
                                "returns a new featureless\ninstance that has "
                                "no instance attributes and cannot be given "
                                "any.\n");
    return rp_class_add_object(ip, o, "__doc__", doc);
}
