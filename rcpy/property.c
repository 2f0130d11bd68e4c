/*
 * property.c — property, staticmethod and classmethod: the descriptors a
 * class body makes with decorators.
 *
 * property calls its fget/fset/fdel (CPython 3.11's messages when one is
 * missing: "property 'x' of 'A' object has no setter"); getter/setter/
 * deleter return modified copies. staticmethod hands out its callable,
 * classmethod binds its callable to the class (chaining to the callable's
 * own __get__, as 3.11 does). Both forward __name__, __qualname__, __doc__
 * and __module__ to the callable and keep other attributes in a __dict__.
 *
 * All three are GC objects that own their functions.
 */
#include "objmodel.h"

#include <string.h>

static rc_object *or_none(rp_interp *ip, rc_object *o) {
    return rp_new_ref(o ? o : ip->none);
}

/* ====================================================================== */
/* property                                                               */
/* ====================================================================== */

static int prop_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rp_property *p = (rp_property *)o;
    rc_object *refs[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
    for (size_t i = 0; i < 5; i++) {
        int r = refs[i] ? visit(refs[i], arg) : 0;
        if (r)
            return r;
    }
    return rp_inst_traverse(o, visit, arg);
}

static int prop_clear(rc_object *o) {
    rp_property *p = (rp_property *)o;
    rc_object *refs[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
    p->fget = p->fset = p->fdel = p->doc = p->name = NULL;
    for (size_t i = 0; i < 5; i++)
        rc_xdecref(refs[i]);
    return rp_inst_clear(o);
}

const rc_type rp_property_type = {
    .name = "property",
    .basicsize = sizeof(rp_property),
    .flags = RC_TYPE_GC,
    .traverse = prop_traverse,
    .clear = prop_clear,
};

static rc_object *none_to_null(rp_interp *ip, rc_object *o) {
    return o == ip->none ? NULL : o;
}

/* Sets p's functions and doc from property()'s arguments (CPython's
 * property_init: no doc given takes fget.__doc__). */
static int prop_fill(rp_interp *ip, rp_property *p, rc_object *const *args,
                     size_t nargs, rc_object *kwnames) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    static const rp_argspec spec = {"property", names, 0, 4, 0};
    rc_object *a[4];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return -1;
    rc_object *fget = a[0] ? none_to_null(ip, a[0]) : NULL;
    rc_object *doc = a[3] ? none_to_null(ip, a[3]) : NULL;
    bool getter_doc = false;
    if (!doc && fget) {
        if (rp_getattr_opt(ip, fget, ip->s.doc, &doc) < 0)
            return -1;
        if (doc == ip->none) {
            rc_decref(doc);
            doc = NULL;
        }
        getter_doc = true;
    } else {
        rc_xincref(doc);
    }
    rc_object *old[4] = {p->fget, p->fset, p->fdel, p->doc};
    rc_object *fs[3] = {fget, a[1] ? none_to_null(ip, a[1]) : NULL,
                        a[2] ? none_to_null(ip, a[2]) : NULL};
    for (size_t i = 0; i < 3; i++)
        rc_xincref(fs[i]);
    p->fget = fs[0];
    p->fset = fs[1];
    p->fdel = fs[2];
    p->doc = NULL;
    for (size_t i = 0; i < 4; i++)
        rc_xdecref(old[i]);
    if (rp_type_of(&p->base.ob) == ip->cls.property) {
        p->doc = doc;
        p->getter_doc = getter_doc;
        return 0;
    }
    /* A subclass's own __doc__ (its docstring, or None) would shadow the
     * property's, so the doc goes to the instance's __dict__ as CPython
     * does; with __slots__ and no __dict__ that is an AttributeError. */
    int r = rp_setattr(ip, &p->base.ob, ip->s.doc, doc ? doc : ip->none);
    rc_xdecref(doc);
    p->getter_doc = getter_doc;
    return r < 0 ? -1 : 0;
}

/* property(...): an object of cls (property or a subclass) filled in. */
static rc_object *prop_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                           size_t nargs, rc_object *kwnames) {
    rc_object *p = rc_new(ip->rt, cls->itype);
    if (p && prop_fill(ip, (rp_property *)p, args, nargs, kwnames) < 0) {
        rc_decref(p);
        return NULL;
    }
    return p;
}

/* property.__init__, for subclasses calling super().__init__(...). */
static rc_object *prop_init(rp_interp *ip, rc_object *self,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    if (prop_fill(ip, (rp_property *)self, args, nargs, kwnames) < 0)
        return NULL;
    return rp_new_ref(ip->none);
}

/* "property 'x' of 'A' object has no getter". */
static int prop_missing(rp_interp *ip, rp_property *p, rc_object *obj,
                        const char *what) {
    rp_class *c = rp_type_of(obj);
    const char *qn = rc_str_utf8(c->qualname ? c->qualname : c->name);
    if (p->name && rc_is_str(p->name))
        return rp_raise(ip, ip->exc.AttributeError,
                        "property '%s' of '%s' object has no %s",
                        rc_str_utf8(p->name), qn, what);
    return rp_raise(ip, ip->exc.AttributeError,
                    "property of '%s' object has no %s", qn, what);
}

static rc_object *prop_get(rp_interp *ip, rc_object *descr, rc_object *obj,
                           rp_class *type) {
    rp_property *p = (rp_property *)descr;
    if (!obj)
        return rp_new_ref(descr);
    if (!p->fget) {
        prop_missing(ip, p, obj, "getter");
        return NULL;
    }
    return rp_call1(ip, p->fget, obj);
}

static int prop_set(rp_interp *ip, rc_object *descr, rc_object *obj,
                    rc_object *value) {
    rp_property *p = (rp_property *)descr;
    rc_object *f = value ? p->fset : p->fdel;
    if (!f)
        return prop_missing(ip, p, obj, value ? "setter" : "deleter");
    rc_incref(f);
    rc_object *r = value ? rp_call2(ip, f, obj, value) : rp_call1(ip, f, obj);
    rc_decref(f);
    if (!r)
        return -1;
    rc_decref(r);
    return 0;
}

/* A copy of p with one function replaced (which: 0 get, 1 set, 2 del). */
static rc_object *prop_copy(rp_interp *ip, rc_object *self, int which,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    static const char *const names[] = {"getter", "setter", "deleter"};
    if (rp_check_args(ip, names[which], nargs, kwnames, 1, 1) < 0)
        return NULL;
    rp_property *p = (rp_property *)self;
    rc_object *f[3] = {p->fget, p->fset, p->fdel};
    f[which] = args[0];
    rc_object *doc = p->getter_doc && which == 0 ? NULL : p->doc;
    rc_object *a[4] = {f[0] ? f[0] : ip->none, f[1] ? f[1] : ip->none,
                       f[2] ? f[2] : ip->none, doc ? doc : ip->none};
    /* type(self)(fget, fset, fdel, doc), as CPython's property_copy */
    rc_object *n = rp_call(ip, &rp_type_of(self)->ob, a, 4, NULL);
    if (n && p->name && rp_type_of(n)->layout == &rp_property_type &&
        !((rp_property *)n)->name) {
        rc_incref(p->name);
        ((rp_property *)n)->name = p->name;
    }
    return n;
}

#define PROP_COPY(fn, which)                                                   \
    static rc_object *fn(rp_interp *ip, rc_object *self,                       \
                         rc_object *const *args, size_t nargs,                 \
                         rc_object *kwnames) {                                 \
        return prop_copy(ip, self, which, args, nargs, kwnames);               \
    }
PROP_COPY(prop_getter, 0)
PROP_COPY(prop_setter, 1)
PROP_COPY(prop_deleter, 2)

static rc_object *prop_set_name(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    if (rp_check_args(ip, "__set_name__", nargs, kwnames, 0, (size_t)-1) < 0)
        return NULL;
    if (nargs != 2) {
        rp_raise(ip, ip->exc.TypeError,
                 "__set_name__() takes 2 positional arguments but %zu were "
                 "given",
                 nargs);
        return NULL;
    }
    rp_property *p = (rp_property *)self;
    rc_object *old = p->name;
    rc_incref(args[1]);
    p->name = args[1];
    rc_xdecref(old);
    return rp_new_ref(ip->none);
}

static const rp_methoddef prop_methods[] = {
    {"__init__", prop_init, 0, NULL},
    {"getter", prop_getter, 0,
     "Descriptor to obtain a copy of the property "
     "with a different getter."},
    {"setter", prop_setter, 0,
     "Descriptor to obtain a copy of the property "
     "with a different setter."},
    {"deleter", prop_deleter, 0,
     "Descriptor to obtain a copy of the "
     "property with a different deleter."},
    {"__set_name__", prop_set_name, 0, "Method to set name of a property."},
    {NULL},
};

static rc_object *prop_fget(rp_interp *ip, rc_object *self) {
    return or_none(ip, ((rp_property *)self)->fget);
}

static rc_object *prop_fset(rp_interp *ip, rc_object *self) {
    return or_none(ip, ((rp_property *)self)->fset);
}

static rc_object *prop_fdel(rp_interp *ip, rc_object *self) {
    return or_none(ip, ((rp_property *)self)->fdel);
}

static rc_object *prop_doc(rp_interp *ip, rc_object *self) {
    return or_none(ip, ((rp_property *)self)->doc);
}

static int prop_set_doc(rp_interp *ip, rc_object *self, rc_object *v) {
    rp_property *p = (rp_property *)self;
    rc_object *old = p->doc;
    rc_xincref(v);
    p->doc = v;
    p->getter_doc = false;
    rc_xdecref(old);
    return 0;
}

static rc_object *prop_abstract(rp_interp *ip, rc_object *self) {
    rp_property *p = (rp_property *)self;
    rc_object *fs[3] = {p->fget, p->fset, p->fdel};
    rc_object *key = rc_str_intern(ip->rt, "__isabstractmethod__");
    if (!key)
        return NULL;
    for (size_t i = 0; i < 3; i++) {
        rc_object *v = NULL;
        int r = fs[i] ? rp_getattr_opt(ip, fs[i], key, &v) : 0;
        int t = r > 0 ? rp_truth(ip, v) : r;
        rc_xdecref(v);
        if (t != 0) {
            rc_decref(key);
            return t < 0 ? NULL : rp_new_ref(ip->true_);
        }
    }
    rc_decref(key);
    return rp_new_ref(ip->false_);
}

static const rp_getsetdef prop_getsets[] = {
    {"fget", prop_fget, NULL, NULL},
    {"fset", prop_fset, NULL, NULL},
    {"fdel", prop_fdel, NULL, NULL},
    {"__doc__", prop_doc, prop_set_doc, NULL},
    {"__isabstractmethod__", prop_abstract, NULL, NULL},
    {NULL},
};

int rp_init_property(rp_interp *ip) {
    rp_class *c = rp_class_new_builtin(ip, "property", &rp_property_type, NULL,
                                       prop_methods, prop_new, 0);
    if (!c || rp_class_add_getsets(ip, c, prop_getsets) < 0)
        return -1;
    c->layout = &rp_property_type; /* subclassable: abc.abstractproperty */
    c->flags |= RP_CLS_BASETYPE | RP_CLS_INST_LAYOUT;
    c->get = prop_get;
    c->set = prop_set;
    ip->cls.property = c;
    return 0;
}

/* ====================================================================== */
/* staticmethod and classmethod                                           */
/* ====================================================================== */

static int fw_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rp_funcwrap *f = (rp_funcwrap *)o;
    int r = f->callable ? visit(f->callable, arg) : 0;
    return r ? r : (f->dict ? visit(f->dict, arg) : 0);
}

static int fw_clear(rc_object *o) {
    rp_funcwrap *f = (rp_funcwrap *)o;
    rc_object *c = f->callable, *d = f->dict;
    f->callable = f->dict = NULL;
    rc_xdecref(c);
    rc_xdecref(d);
    return 0;
}

/* "<staticmethod(<function f at 0x...>)>": the builtin's name, subclasses
 * included (CPython's sm_repr/cm_repr). */
static rc_object *fw_repr(rc_object *o) {
    rp_funcwrap *f = (rp_funcwrap *)o;
    const rc_type *t = o->type;
    if (t->flags & RC_TYPE_HEAP)
        t = ((const rp_class *)t->owner)->layout;
    if (!f->callable)
        return rc_str_from_format(rc_runtime_of(o), "<%s(NULL)>", t->name);
    rc_object *inner = rc_repr(f->callable);
    if (!inner)
        return NULL;
    rc_object *r = rc_str_from_format(rc_runtime_of(o), "<%s(%s)>", t->name,
                                      rc_str_utf8(inner));
    rc_decref(inner);
    return r;
}

static rc_object *fw_getattr(rc_object *o, rc_object *name) {
    rp_interp *ip = rp_interp_of(o);
    rp_funcwrap *f = (rp_funcwrap *)o;
    rc_object *r = rp_generic_getattr(ip, o, name);
    if (r || !rp_err_matches(ip, ip->exc.AttributeError))
        return r;
    rc_object *v = f->dict ? rc_dict_getitem(f->dict, name) : NULL;
    if (v) {
        rp_err_clear(ip);
        return rp_new_ref(v);
    }
    return NULL;
}

static int fw_setattr(rc_object *o, rc_object *name, rc_object *value) {
    rp_interp *ip = rp_interp_of(o);
    rp_funcwrap *f = (rp_funcwrap *)o;
    rc_object *d = rp_class_lookup(rp_type_of(o), name);
    if (d && rp_type_of(d)->set)
        return rp_generic_setattr(ip, o, name, value);
    if (!f->dict && !(f->dict = rc_dict_new(ip->rt)))
        return -1;
    if (value)
        return rc_dict_setitem(f->dict, name, value) < 0 ? -1 : 0;
    if (!rc_dict_getitem(f->dict, name))
        return rp_raise_no_attr(ip, o, name);
    return rc_dict_delitem(f->dict, name) < 0 ? -1 : 0;
}

static int fw_delattr(rc_object *o, rc_object *name) {
    return fw_setattr(o, name, NULL);
}

static rc_object *sm_call(rc_object *o, rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    rp_funcwrap *f = (rp_funcwrap *)o;
    return rp_call(rp_interp_of(o), f->callable, args, nargs, kwnames);
}

static const rc_protocol sm_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = fw_repr,
    .call = sm_call,
    .getattr = fw_getattr,
    .setattr = fw_setattr,
    .delattr = fw_delattr,
};

static const rc_protocol cm_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = fw_repr,
    .getattr = fw_getattr,
    .setattr = fw_setattr,
    .delattr = fw_delattr,
};

const rc_type rp_staticmethod_type = {
    .name = "staticmethod",
    .basicsize = sizeof(rp_funcwrap),
    .flags = RC_TYPE_GC,
    .traverse = fw_traverse,
    .clear = fw_clear,
    .protocol = &sm_protocol,
};

const rc_type rp_classmethod_type = {
    .name = "classmethod",
    .basicsize = sizeof(rp_funcwrap),
    .flags = RC_TYPE_GC,
    .traverse = fw_traverse,
    .clear = fw_clear,
    .protocol = &cm_protocol,
};

static rc_object *fw_make(rp_interp *ip, const rc_type *t,
                          rc_object *callable) {
    rp_funcwrap *f = (rp_funcwrap *)rc_new(ip->rt, t);
    if (!f)
        return NULL;
    rc_incref(callable);
    f->callable = callable;
    return &f->ob;
}

rc_object *rp_staticmethod_new(rp_interp *ip, rc_object *callable) {
    return fw_make(ip, &rp_staticmethod_type, callable);
}

rc_object *rp_classmethod_new(rp_interp *ip, rc_object *callable) {
    return fw_make(ip, &rp_classmethod_type, callable);
}

/* staticmethod(f) / classmethod(f) take exactly one argument. */
static int fw_check(rp_interp *ip, const rc_type *t, size_t nargs,
                    rc_object *kwnames) {
    const char *name = t->name; /* the layout's: "staticmethod" ... */
    if (rp_kwcount(kwnames))
        return rp_raise(ip, ip->exc.TypeError,
                        "%s() takes no keyword arguments", name);
    if (nargs != 1)
        return rp_raise(ip, ip->exc.TypeError,
                        "%s expected 1 argument, got %zu", name, nargs);
    return 0;
}

/* staticmethod(f)/classmethod(f) copy f's __module__, __name__,
 * __qualname__, __doc__ and __annotations__ into their own dict, as
 * functools.wraps would (CPython 3.10+); the C constructors do not. */
static int fw_wraps(rp_interp *ip, rc_object *self) {
    static const char *const names[] = {"__module__",      "__name__",
                                        "__qualname__",    "__doc__",
                                        "__annotations__", NULL};
    rp_funcwrap *f = (rp_funcwrap *)self;
    if (!f->dict && !(f->dict = rc_dict_new(ip->rt)))
        return -1;
    for (size_t i = 0; names[i]; i++) {
        rc_object *key = rc_str_intern(ip->rt, names[i]);
        rc_object *v = NULL;
        int r = key ? rp_getattr_opt(ip, f->callable, key, &v) : -1;
        if (r > 0) /* into the dict: the __doc__ getset reads it from there */
            r = rc_dict_setitem(f->dict, key, v) < 0 ? -1 : 0;
        rc_xdecref(v);
        rc_xdecref(key);
        if (r < 0)
            return -1;
    }
    return 0;
}

static rc_object *fw_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                         size_t nargs, rc_object *kwnames) {
    if (fw_check(ip, cls->layout ? cls->layout : cls->itype, nargs, kwnames) <
        0)
        return NULL;
    rc_object *f = fw_make(ip, cls->itype, args[0]);
    if (f && fw_wraps(ip, f) < 0) {
        rc_decref(f);
        return NULL;
    }
    return f;
}

/* __init__(f), for subclasses calling super().__init__(f). */
static rc_object *fw_init(rp_interp *ip, rc_object *self,
                          rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    rp_class *c = rp_type_of(self);
    if (fw_check(ip, c->layout ? c->layout : c->itype, nargs, kwnames) < 0)
        return NULL;
    rp_funcwrap *f = (rp_funcwrap *)self;
    rc_object *old = f->callable;
    rc_incref(args[0]);
    f->callable = args[0];
    rc_xdecref(old);
    return fw_wraps(ip, self) < 0 ? NULL : rp_new_ref(ip->none);
}

static const rp_methoddef fw_methods[] = {{"__init__", fw_init, 0, NULL},
                                          {NULL}};

static rc_object *sm_get(rp_interp *ip, rc_object *descr, rc_object *obj,
                         rp_class *type) {
    rp_funcwrap *f = (rp_funcwrap *)descr;
    if (!f->callable) {
        rp_raise(ip, ip->exc.RuntimeError, "uninitialized staticmethod object");
        return NULL;
    }
    return rp_new_ref(f->callable);
}

static rc_object *cm_get(rp_interp *ip, rc_object *descr, rc_object *obj,
                         rp_class *type) {
    rp_funcwrap *f = (rp_funcwrap *)descr;
    if (!f->callable) {
        rp_raise(ip, ip->exc.RuntimeError, "uninitialized classmethod object");
        return NULL;
    }
    if (!type)
        type = rp_type_of(obj);
    rp_descr_get get = rp_type_of(f->callable)->get;
    if (get)
        return get(ip, f->callable, &type->ob, type);
    return rp_method_new(ip, f->callable, &type->ob);
}

static rc_object *fw_func(rp_interp *ip, rc_object *self) {
    return or_none(ip, ((rp_funcwrap *)self)->callable);
}

static rc_object *fw_doc(rp_interp *ip, rc_object *self) {
    rp_funcwrap *f = (rp_funcwrap *)self;
    rc_object *v = f->dict ? rc_dict_getitem(f->dict, ip->s.doc) : NULL;
    if (v)
        return rp_new_ref(v);
    return f->callable ? rp_getattr(ip, f->callable, ip->s.doc)
                       : rp_new_ref(ip->none);
}

static int fw_set_doc(rp_interp *ip, rc_object *self, rc_object *v) {
    rp_funcwrap *f = (rp_funcwrap *)self;
    if (!f->dict && !(f->dict = rc_dict_new(ip->rt)))
        return -1;
    if (v)
        return rc_dict_setitem(f->dict, ip->s.doc, v) < 0 ? -1 : 0;
    if (!rc_dict_getitem(f->dict, ip->s.doc))
        return rp_raise_no_attr(ip, self, ip->s.doc);
    return rc_dict_delitem(f->dict, ip->s.doc) < 0 ? -1 : 0;
}

static rc_object *fw_get_dict(rp_interp *ip, rc_object *self) {
    rp_funcwrap *f = (rp_funcwrap *)self;
    if (!f->dict && !(f->dict = rc_dict_new(ip->rt)))
        return NULL;
    return rp_new_ref(f->dict);
}

static rc_object *fw_abstract(rp_interp *ip, rc_object *self) {
    rp_funcwrap *f = (rp_funcwrap *)self;
    rc_object *v = NULL;
    rc_object *key = rc_str_intern(ip->rt, "__isabstractmethod__");
    int r = key && f->callable ? rp_getattr_opt(ip, f->callable, key, &v) : 0;
    rc_xdecref(key);
    int t = r > 0 ? rp_truth(ip, v) : r;
    rc_xdecref(v);
    return t < 0 ? NULL : rp_new_ref(rp_bool(ip, t > 0));
}

static const rp_getsetdef fw_getsets[] = {
    {"__func__", fw_func, NULL, NULL},
    {"__wrapped__", fw_func, NULL, NULL},
    {"__doc__", fw_doc, fw_set_doc, NULL},
    {"__dict__", fw_get_dict, NULL, NULL},
    {"__isabstractmethod__", fw_abstract, NULL, NULL},
    {NULL},
};

int rp_init_funcwrap(rp_interp *ip) {
    rp_class *sm = rp_class_new_builtin(
        ip, "staticmethod", &rp_staticmethod_type, NULL, fw_methods, fw_new, 0);
    rp_class *cm = rp_class_new_builtin(ip, "classmethod", &rp_classmethod_type,
                                        NULL, fw_methods, fw_new, 0);
    if (!sm || !cm || rp_class_add_getsets(ip, sm, fw_getsets) < 0 ||
        rp_class_add_getsets(ip, cm, fw_getsets) < 0)
        return -1;
    /* subclassable (abc.abstractclassmethod, abstractstaticmethod) */
    sm->layout = &rp_staticmethod_type;
    cm->layout = &rp_classmethod_type;
    sm->flags |= RP_CLS_BASETYPE;
    cm->flags |= RP_CLS_BASETYPE;
    sm->get = sm_get;
    cm->get = cm_get;
    ip->cls.staticmethod = sm;
    ip->cls.classmethod = cm;
    return 0;
}
