/*
 * descr.c — builtin callables and descriptors: builtin functions and
 * methods (builtin_function_or_method), method descriptors of builtin
 * classes (and their classmethod flavour), getset descriptors, member
 * descriptors for __slots__, property, staticmethod, classmethod and the
 * read-only mappingproxy that class.__dict__ returns; rp_init_descr makes
 * their classes.
 *
 * A descriptor class says what it does through rp_class.get / .set (C
 * functions the generic attribute code calls), so attribute lookup never
 * goes through Python for them. Each kind holds strong references (to its
 * class, its functions) and is a GC object with traverse and clear.
 */
#include "objmodel.h"

#include <string.h>

static const char *cls_name(const rp_class *c) {
    return c ? rp_class_name(c) : "?";
}

/* ====================================================================== */
/* builtin_function_or_method                                             */
/* ====================================================================== */

rc_object *rp_builtin_new(rp_interp *ip, const rp_methoddef *def,
                          rc_object *self) {
    rp_builtin *b = (rp_builtin *)rc_new(ip->rt, &rp_builtin_type);
    if (!b)
        return NULL;
    b->def = def;
    rc_xincref(self);
    b->self = self;
    return &b->ob;
}

static int builtin_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rp_builtin *b = (rp_builtin *)o;
    return b->self ? visit(b->self, arg) : 0;
}

static int builtin_clear(rc_object *o) {
    rp_builtin *b = (rp_builtin *)o;
    rc_object *s = b->self;
    b->self = NULL;
    rc_xdecref(s);
    return 0;
}

/* A builtin bound to nothing or to a module prints as a function. */
static bool is_function_like(rp_interp *ip, const rp_builtin *b) {
    return !b->self ||
           (ip->cls.module && rp_type_of(b->self) == ip->cls.module);
}

static rc_object *builtin_repr(rc_object *o) {
    rp_interp *ip = rp_interp_of(o);
    rp_builtin *b = (rp_builtin *)o;
    if (is_function_like(ip, b))
        return rc_str_from_format(ip->rt, "<built-in function %s>",
                                  b->def->name);
    return rc_str_from_format(ip->rt, "<built-in method %s of %s object at %p>",
                              b->def->name, rp_tname(b->self), (void *)b->self);
}

static rc_object *builtin_call(rc_object *o, rc_object *const *args,
                               size_t nargs, rc_object *kwnames) {
    rp_builtin *b = (rp_builtin *)o;
    return b->def->fn(rp_interp_of(o), b->self, args, nargs, kwnames);
}

static rc_object *builtin_richcompare(rc_object *a, rc_object *b, rc_cmp op) {
    if ((op != RC_EQ && op != RC_NE) || a->type != b->type)
        return rc_notimplemented(rc_runtime_of(a));
    rp_builtin *x = (rp_builtin *)a, *y = (rp_builtin *)b;
    bool eq = x->def == y->def && x->self == y->self;
    return rp_new_ref(rp_bool(rp_interp_of(a), op == RC_EQ ? eq : !eq));
}

static int builtin_hash(rc_object *o, int64_t *out) {
    rp_builtin *b = (rp_builtin *)o;
    int64_t h = (int64_t)((uintptr_t)b->def >> 4);
    if (b->self)
        h ^= rc_hash_identity(b->self);
    *out = h == -1 ? -2 : h;
    return 0;
}

static const rc_protocol builtin_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = builtin_repr,
    .call = builtin_call,
    .richcompare = builtin_richcompare,
    .hash = builtin_hash,
};

const rc_type rp_builtin_type = {
    .name = "builtin_function_or_method",
    .basicsize = sizeof(rp_builtin),
    .flags = RC_TYPE_GC,
    .traverse = builtin_traverse,
    .clear = builtin_clear,
    .protocol = &builtin_protocol,
};

static rc_object *doc_of(rp_interp *ip, const char *doc) {
    return doc ? rp_str(ip, doc) : rp_new_ref(ip->none);
}

static rc_object *builtin_get_name(rp_interp *ip, rc_object *self) {
    return rp_str(ip, ((rp_builtin *)self)->def->name);
}

static rc_object *builtin_get_qualname(rp_interp *ip, rc_object *self) {
    rp_builtin *b = (rp_builtin *)self;
    if (is_function_like(ip, b))
        return rp_str(ip, b->def->name);
    rp_class *c =
        rp_is_class(b->self) ? (rp_class *)b->self : rp_type_of(b->self);
    rc_object *q = c->qualname ? c->qualname : c->name;
    return rc_str_from_format(ip->rt, "%s.%s", rc_str_utf8(q), b->def->name);
}

static rc_object *builtin_get_self(rp_interp *ip, rc_object *self) {
    rc_object *s = ((rp_builtin *)self)->self;
    return rp_new_ref(s ? s : ip->none);
}

static rc_object *builtin_get_doc(rp_interp *ip, rc_object *self) {
    return doc_of(ip, ((rp_builtin *)self)->def->doc);
}

static rc_object *builtin_get_module(rp_interp *ip, rc_object *self) {
    rp_builtin *b = (rp_builtin *)self;
    if (b->self && ip->cls.module && rp_type_of(b->self) == ip->cls.module)
        return rp_new_ref(((rp_module *)b->self)->name);
    return rp_new_ref(ip->none);
}

static const rp_getsetdef builtin_getsets[] = {
    {"__name__", builtin_get_name, NULL, NULL},
    {"__qualname__", builtin_get_qualname, NULL, NULL},
    {"__self__", builtin_get_self, NULL, NULL},
    {"__doc__", builtin_get_doc, NULL, NULL},
    {"__module__", builtin_get_module, NULL, NULL},
    {NULL},
};

/* ====================================================================== */
/* Method descriptors (and classmethod descriptors)                       */
/* ====================================================================== */

rc_object *rp_methoddescr_new(rp_interp *ip, rp_class *cls,
                              const rp_methoddef *def) {
    const rc_type *t = (def->flags & RP_METH_CLASS) ? &rp_classmethoddescr_type
                                                    : &rp_methoddescr_type;
    rp_methoddescr *d = (rp_methoddescr *)rc_new(ip->rt, t);
    if (!d)
        return NULL;
    d->def = def;
    rc_incref(&cls->ob);
    d->cls = cls;
    return &d->ob;
}

static int md_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rp_methoddescr *d = (rp_methoddescr *)o;
    return d->cls ? visit(&d->cls->ob, arg) : 0;
}

static int md_clear(rc_object *o) {
    rp_methoddescr *d = (rp_methoddescr *)o;
    rp_class *c = d->cls;
    d->cls = NULL;
    if (c)
        rc_decref(&c->ob);
    return 0;
}

static rc_object *md_repr(rc_object *o) {
    rp_methoddescr *d = (rp_methoddescr *)o;
    return rc_str_from_format(rc_runtime_of(o), "<method '%s' of '%s' objects>",
                              d->def->name, cls_name(d->cls));
}

static int md_check(rp_interp *ip, rp_methoddescr *d, rc_object *obj) {
    if (d->cls && !rp_is_instance(obj, d->cls))
        return rp_raise(ip, ip->exc.TypeError,
                        "descriptor '%s' for '%s' objects doesn't apply to a "
                        "'%s' object",
                        d->def->name, cls_name(d->cls), rp_tname(obj));
    return 0;
}

static rc_object *md_call(rc_object *o, rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    rp_interp *ip = rp_interp_of(o);
    rp_methoddescr *d = (rp_methoddescr *)o;
    if (nargs < 1) {
        rp_raise(ip, ip->exc.TypeError,
                 "unbound method %s.%s() needs an argument", cls_name(d->cls),
                 d->def->name);
        return NULL;
    }
    if (md_check(ip, d, args[0]) < 0)
        return NULL;
    return d->def->fn(ip, rp_self_for(d->cls, args[0]), args + 1, nargs - 1,
                      kwnames);
}

static rc_object *md_get(rp_interp *ip, rc_object *descr, rc_object *obj,
                         rp_class *type) {
    rp_methoddescr *d = (rp_methoddescr *)descr;
    if (!obj)
        return rp_new_ref(descr);
    if (md_check(ip, d, obj) < 0)
        return NULL;
    return rp_builtin_new(ip, d->def, rp_self_for(d->cls, obj));
}

static const rc_protocol md_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = md_repr,
    .call = md_call,
};

const rc_type rp_methoddescr_type = {
    .name = "method_descriptor",
    .basicsize = sizeof(rp_methoddescr),
    .flags = RC_TYPE_GC,
    .traverse = md_traverse,
    .clear = md_clear,
    .protocol = &md_protocol,
};

/* A classmethod of a builtin class binds to the class (dict.fromkeys). */
static rc_object *cmd_get(rp_interp *ip, rc_object *descr, rc_object *obj,
                          rp_class *type) {
    rp_methoddescr *d = (rp_methoddescr *)descr;
    if (!type)
        type = rp_type_of(obj);
    if (d->cls && !rp_is_subclass(type, d->cls)) {
        rp_raise(ip, ip->exc.TypeError,
                 "descriptor '%s' for type '%s' doesn't apply to type '%s'",
                 d->def->name, cls_name(d->cls), rp_class_name(type));
        return NULL;
    }
    return rp_builtin_new(ip, d->def, &type->ob);
}

static rc_object *cmd_call(rc_object *o, rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    rp_interp *ip = rp_interp_of(o);
    rp_methoddescr *d = (rp_methoddescr *)o;
    if (nargs < 1 || !rp_is_class(args[0])) {
        rp_raise(ip, ip->exc.TypeError,
                 "descriptor '%s' for type '%s' needs a type, not a '%s' as "
                 "arg 2",
                 d->def->name, cls_name(d->cls),
                 nargs ? rp_tname(args[0]) : "NoneType");
        return NULL;
    }
    rc_object *bound = cmd_get(ip, o, NULL, (rp_class *)args[0]);
    if (!bound)
        return NULL;
    rc_object *r = rp_call(ip, bound, args + 1, nargs - 1, kwnames);
    rc_decref(bound);
    return r;
}

static const rc_protocol cmd_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = md_repr,
    .call = cmd_call,
};

const rc_type rp_classmethoddescr_type = {
    .name = "classmethod_descriptor",
    .basicsize = sizeof(rp_methoddescr),
    .flags = RC_TYPE_GC,
    .traverse = md_traverse,
    .clear = md_clear,
    .protocol = &cmd_protocol,
};

static rc_object *md_get_name(rp_interp *ip, rc_object *self) {
    return rp_str(ip, ((rp_methoddescr *)self)->def->name);
}

static rc_object *md_get_qualname(rp_interp *ip, rc_object *self) {
    rp_methoddescr *d = (rp_methoddescr *)self;
    return rc_str_from_format(ip->rt, "%s.%s", cls_name(d->cls), d->def->name);
}

static rc_object *md_get_objclass(rp_interp *ip, rc_object *self) {
    rp_class *c = ((rp_methoddescr *)self)->cls;
    return rp_new_ref(c ? &c->ob : ip->none);
}

static rc_object *md_get_doc(rp_interp *ip, rc_object *self) {
    return doc_of(ip, ((rp_methoddescr *)self)->def->doc);
}

static const rp_getsetdef md_getsets[] = {
    {"__name__", md_get_name, NULL, NULL},
    {"__qualname__", md_get_qualname, NULL, NULL},
    {"__objclass__", md_get_objclass, NULL, NULL},
    {"__doc__", md_get_doc, NULL, NULL},
    {NULL},
};

/* ====================================================================== */
/* Getset descriptors                                                     */
/* ====================================================================== */

rc_object *rp_getset_new(rp_interp *ip, rp_class *cls,
                         const rp_getsetdef *def) {
    rp_getsetdescr *g = (rp_getsetdescr *)rc_new(ip->rt, &rp_getset_type);
    if (!g)
        return NULL;
    g->def = def;
    rc_incref(&cls->ob);
    g->cls = cls;
    return &g->ob;
}

static rc_object *gs_repr(rc_object *o) {
    rp_getsetdescr *g = (rp_getsetdescr *)o;
    return rc_str_from_format(rc_runtime_of(o),
                              "<attribute '%s' of '%s' objects>", g->def->name,
                              cls_name(g->cls));
}

static int gs_check(rp_interp *ip, const char *name, rp_class *cls,
                    rc_object *obj) {
    if (cls && !rp_is_instance(obj, cls))
        return rp_raise(ip, ip->exc.TypeError,
                        "descriptor '%s' for '%s' objects doesn't apply to a "
                        "'%s' object",
                        name, cls_name(cls), rp_tname(obj));
    return 0;
}

static rc_object *gs_get(rp_interp *ip, rc_object *descr, rc_object *obj,
                         rp_class *type) {
    rp_getsetdescr *g = (rp_getsetdescr *)descr;
    if (!obj)
        return rp_new_ref(descr);
    if (gs_check(ip, g->def->name, g->cls, obj) < 0)
        return NULL;
    return g->def->get(ip, rp_self_for(g->cls, obj));
}

static int gs_set(rp_interp *ip, rc_object *descr, rc_object *obj,
                  rc_object *value) {
    rp_getsetdescr *g = (rp_getsetdescr *)descr;
    if (gs_check(ip, g->def->name, g->cls, obj) < 0)
        return -1;
    if (!g->def->set)
        return rp_raise(ip, ip->exc.AttributeError,
                        "attribute '%s' of '%s' objects is not writable",
                        g->def->name, cls_name(g->cls));
    return g->def->set(ip, rp_self_for(g->cls, obj), value);
}

static const rc_protocol gs_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = gs_repr,
};

/* The getset and method descriptors share their layout's first fields. */
const rc_type rp_getset_type = {
    .name = "getset_descriptor",
    .basicsize = sizeof(rp_getsetdescr),
    .flags = RC_TYPE_GC,
    .traverse = md_traverse,
    .clear = md_clear,
    .protocol = &gs_protocol,
};

static rc_object *gs_get_name(rp_interp *ip, rc_object *self) {
    return rp_str(ip, ((rp_getsetdescr *)self)->def->name);
}

static rc_object *gs_get_doc(rp_interp *ip, rc_object *self) {
    return doc_of(ip, ((rp_getsetdescr *)self)->def->doc);
}

static const rp_getsetdef gs_getsets[] = {
    {"__name__", gs_get_name, NULL, NULL},
    {"__objclass__", md_get_objclass, NULL, NULL},
    {"__doc__", gs_get_doc, NULL, NULL},
    {NULL},
};

/* ====================================================================== */
/* Member descriptors (__slots__)                                         */
/* ====================================================================== */

rc_object *rp_member_new(rp_interp *ip, rp_class *cls, rc_object *name,
                         size_t offset) {
    rp_memberdescr *m = (rp_memberdescr *)rc_new(ip->rt, &rp_member_type);
    if (!m)
        return NULL;
    rc_incref(name);
    rc_incref(&cls->ob);
    m->name = name;
    m->cls = cls;
    m->offset = offset;
    return &m->ob;
}

static int member_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rp_memberdescr *m = (rp_memberdescr *)o;
    return m->cls ? visit(&m->cls->ob, arg) : 0;
}

static int member_clear(rc_object *o) {
    rp_memberdescr *m = (rp_memberdescr *)o;
    rp_class *c = m->cls;
    m->cls = NULL;
    if (c)
        rc_decref(&c->ob);
    return 0;
}

static void member_dealloc(rc_object *o) {
    member_clear(o);
    rc_decref(((rp_memberdescr *)o)->name);
}

static rc_object *member_repr(rc_object *o) {
    rp_memberdescr *m = (rp_memberdescr *)o;
    return rc_str_from_format(rc_runtime_of(o), "<member '%s' of '%s' objects>",
                              rc_str_utf8(m->name), cls_name(m->cls));
}

static rc_object **member_slot(rp_memberdescr *m, rc_object *obj) {
    return (rc_object **)((char *)obj + m->offset);
}

static rc_object *member_get(rp_interp *ip, rc_object *descr, rc_object *obj,
                             rp_class *type) {
    rp_memberdescr *m = (rp_memberdescr *)descr;
    if (!obj)
        return rp_new_ref(descr);
    if (!m->cls || gs_check(ip, rc_str_utf8(m->name), m->cls, obj) < 0) {
        if (!m->cls)
            rp_raise(ip, ip->exc.TypeError, "member descriptor was cleared");
        return NULL;
    }
    rc_object *v = *member_slot(m, obj);
    if (!v) {
        rp_raise_no_attr(ip, obj, m->name);
        return NULL;
    }
    return rp_new_ref(v);
}

static int member_set(rp_interp *ip, rc_object *descr, rc_object *obj,
                      rc_object *value) {
    rp_memberdescr *m = (rp_memberdescr *)descr;
    if (!m->cls)
        return rp_raise(ip, ip->exc.TypeError, "member descriptor was cleared");
    if (gs_check(ip, rc_str_utf8(m->name), m->cls, obj) < 0)
        return -1;
    rc_object **slot = member_slot(m, obj);
    rc_object *old = *slot;
    if (!value && !old)
        return rp_raise(ip, ip->exc.AttributeError, "%s", rc_str_utf8(m->name));
    rc_xincref(value);
    *slot = value;
    rc_xdecref(old);
    return 0;
}

static const rc_protocol member_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = member_repr,
};

const rc_type rp_member_type = {
    .name = "member_descriptor",
    .basicsize = sizeof(rp_memberdescr),
    .flags = RC_TYPE_GC,
    .traverse = member_traverse,
    .clear = member_clear,
    .dealloc = member_dealloc,
    .protocol = &member_protocol,
};

static rc_object *member_get_name(rp_interp *ip, rc_object *self) {
    return rp_new_ref(((rp_memberdescr *)self)->name);
}

static rc_object *member_get_objclass(rp_interp *ip, rc_object *self) {
    rp_class *c = ((rp_memberdescr *)self)->cls;
    return rp_new_ref(c ? &c->ob : ip->none);
}

static const rp_getsetdef member_getsets[] = {
    {"__name__", member_get_name, NULL, NULL},
    {"__objclass__", member_get_objclass, NULL, NULL},
    {NULL},
};

/* ====================================================================== */
/* mappingproxy                                                           */
/* ====================================================================== */

rc_object *rp_mappingproxy_new(rp_interp *ip, rc_object *mapping) {
    rp_mappingproxy *p =
        (rp_mappingproxy *)rc_new(ip->rt, &rp_mappingproxy_type);
    if (!p)
        return NULL;
    rc_incref(mapping);
    p->mapping = mapping;
    return &p->ob;
}

static rc_object *mp_of(rc_object *o) {
    return ((rp_mappingproxy *)o)->mapping;
}

static int mp_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    return mp_of(o) ? visit(mp_of(o), arg) : 0;
}

static int mp_clear(rc_object *o) {
    rp_mappingproxy *p = (rp_mappingproxy *)o;
    rc_object *m = p->mapping;
    p->mapping = NULL;
    rc_xdecref(m);
    return 0;
}

static rc_object *mp_repr(rc_object *o) {
    rc_object *inner = rc_repr(mp_of(o));
    if (!inner)
        return NULL;
    rc_object *r = rc_str_from_format(rc_runtime_of(o), "mappingproxy(%s)",
                                      rc_str_utf8(inner));
    rc_decref(inner);
    return r;
}

static rc_object *mp_str(rc_object *o) {
    return rc_str(mp_of(o));
}

static rc_object *mp_getitem(rc_object *o, rc_object *key) {
    return rc_getitem(mp_of(o), key);
}

static ptrdiff_t mp_len(rc_object *o) {
    return rc_len(mp_of(o));
}

static int mp_contains(rc_object *o, rc_object *key) {
    return rc_contains(mp_of(o), key);
}

static rc_object *mp_iter(rc_object *o) {
    return rc_iter(mp_of(o));
}

static rc_object *mp_richcompare(rc_object *a, rc_object *b, rc_cmp op) {
    return rc_richcompare(mp_of(a), b, op);
}

static const rc_protocol mp_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = mp_repr,
    .str = mp_str,
    .getitem = mp_getitem,
    .len = mp_len,
    .contains = mp_contains,
    .iter = mp_iter,
    .richcompare = mp_richcompare,
};

const rc_type rp_mappingproxy_type = {
    .name = "mappingproxy",
    .basicsize = sizeof(rp_mappingproxy),
    .flags = RC_TYPE_GC,
    .traverse = mp_traverse,
    .clear = mp_clear,
    .protocol = &mp_protocol,
};

/* keys(), values(), items(), copy(), get(): forwarded to the mapping. */
static rc_object *mp_forward(rp_interp *ip, rc_object *self, const char *name,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    if (rp_check_args(ip, name, nargs, kwnames, 0,
                      strcmp(name, "get") == 0 ? 2 : 0) < 0)
        return NULL;
    rc_object *f = rp_getattr_cstr(ip, mp_of(self), name);
    if (!f)
        return NULL;
    rc_object *r = rp_call(ip, f, args, nargs, NULL);
    rc_decref(f);
    return r;
}

#define MP_METHOD(fn, name)                                                    \
    static rc_object *fn(rp_interp *ip, rc_object *self,                       \
                         rc_object *const *args, size_t nargs,                 \
                         rc_object *kwnames) {                                 \
        return mp_forward(ip, self, name, args, nargs, kwnames);               \
    }
MP_METHOD(mp_keys, "keys")
MP_METHOD(mp_values, "values")
MP_METHOD(mp_items, "items")
MP_METHOD(mp_copy, "copy")
MP_METHOD(mp_get, "get")

static const rp_methoddef mp_methods[] = {
    {"keys", mp_keys, 0, NULL},   {"values", mp_values, 0, NULL},
    {"items", mp_items, 0, NULL}, {"copy", mp_copy, 0, NULL},
    {"get", mp_get, 0, NULL},     {NULL},
};

static rc_object *mp_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    static const char *const names[] = {"mapping", NULL};
    static const rp_argspec spec = {"mappingproxy", names, 1, 1, 0};
    rc_object *m;
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, &m) < 0)
        return NULL;
    if (!m->type->protocol || !m->type->protocol->getitem || rc_is_list(m) ||
        rc_is_tuple(m)) {
        rp_raise(ip, ip->exc.TypeError,
                 "mappingproxy() argument must be a mapping, not %s",
                 rp_tname(m));
        return NULL;
    }
    return rp_mappingproxy_new(ip, m);
}

/* ====================================================================== */
/* The classes                                                            */
/* ====================================================================== */

static int init_descr_classes(rp_interp *ip) {
    rp_objstate *st = rp_objstate_of(ip);
    rp_class *b = rp_class_new_builtin(ip, "builtin_function_or_method",
                                       &rp_builtin_type, NULL, NULL, NULL, 0);
    rp_class *md = rp_class_new_builtin(
        ip, "method_descriptor", &rp_methoddescr_type, NULL, NULL, NULL, 0);
    rp_class *cmd =
        rp_class_new_builtin(ip, "classmethod_descriptor",
                             &rp_classmethoddescr_type, NULL, NULL, NULL, 0);
    rp_class *gs = rp_class_new_builtin(ip, "getset_descriptor",
                                        &rp_getset_type, NULL, NULL, NULL, 0);
    rp_class *mem = rp_class_new_builtin(ip, "member_descriptor",
                                         &rp_member_type, NULL, NULL, NULL, 0);
    rp_class *mp = rp_class_new_builtin(
        ip, "mappingproxy", &rp_mappingproxy_type, NULL, mp_methods, mp_new, 0);
    if (!b || !md || !cmd || !gs || !mem || !mp ||
        rp_class_add_getsets(ip, b, builtin_getsets) < 0 ||
        rp_class_add_getsets(ip, md, md_getsets) < 0 ||
        rp_class_add_getsets(ip, cmd, md_getsets) < 0 ||
        rp_class_add_getsets(ip, gs, gs_getsets) < 0 ||
        rp_class_add_getsets(ip, mem, member_getsets) < 0)
        return -1;
    md->get = md_get;
    cmd->get = cmd_get;
    gs->get = gs_get;
    gs->set = gs_set;
    mem->get = member_get;
    mem->set = member_set;
    ip->cls.builtin = b;
    ip->cls.methoddescr = md;
    ip->cls.member = mem;
    ip->cls.mappingproxy = mp;
    st->getset_cls = gs;
    st->classmethoddescr_cls = cmd;
    return 0;
}

/* NotImplemented's class (when the library gives it a type of its own). */
static int init_notimplemented(rp_interp *ip) {
    const rc_type *t = ip->notimpl->type;
    if (t == ip->none->type)
        return 0;
    rp_class *c =
        rp_class_new_builtin(ip, "NotImplementedType", t, NULL, NULL, NULL, 0);
    if (!c)
        return -1;
    ip->cls.notimpl = c;
    return 0;
}

int rp_init_descr(rp_interp *ip) {
    if (init_descr_classes(ip) < 0 || rp_init_property(ip) < 0 ||
        rp_init_funcwrap(ip) < 0 || rp_init_super(ip) < 0 ||
        rp_init_seqiter(ip) < 0 || init_notimplemented(ip) < 0)
        return -1;
    return 0;
}
