/*
 * super.c — super objects: super(type, obj), super(type) and the
 * zero-argument form, which takes the running frame's first argument and
 * its __class__ cell from rp_frame_super_args (the compiler makes the cell
 * for methods that mention super or __class__).
 *
 * Attribute lookup on a super object walks type(obj).__mro__ starting after
 * `type` and binds what it finds to obj (or to nothing when obj is the class
 * itself), as CPython's super_getattro does; the super object's own
 * attributes (__thisclass__, __self__, __self_class__, __class__) come from
 * the generic lookup.
 */
#include "objmodel.h"

#include <string.h>

typedef struct rp_super {
    rc_object ob;
    rp_class *type;     /* the class to skip past; strong */
    rc_object *obj;     /* the instance or class bound to, or NULL */
    rp_class *obj_type; /* type(obj), or obj when it is a class; or NULL */
} rp_super;

static const rc_type super_type;

/* ====================================================================== */
/* Making one                                                             */
/* ====================================================================== */

/* What obj is bound as: obj itself when it is a subclass of type, else
 * its class (or its __class__ when that is a subclass of type). */
static rp_class *supercheck(rp_interp *ip, rp_class *type, rc_object *obj) {
    if (rp_is_class(obj) && rp_is_subclass((rp_class *)obj, type))
        return (rp_class *)obj;
    rp_class *t = rp_type_of(obj);
    if (rp_is_subclass(t, type))
        return t;
    rc_object *c = NULL;
    int r = rp_getattr_opt(ip, obj, ip->s.class_, &c);
    if (r < 0)
        return NULL;
    if (r > 0 && rp_is_class(c) && c != &t->ob &&
        rp_is_subclass((rp_class *)c, type)) {
        rc_decref(c); /* the class stays alive through obj */
        return (rp_class *)c;
    }
    rc_xdecref(c);
    rp_raise(ip, ip->exc.TypeError,
             "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static rc_object *super_make(rp_interp *ip, rp_class *type, rc_object *obj) {
    rp_class *ot = NULL;
    if (obj && !(ot = supercheck(ip, type, obj)))
        return NULL;
    rp_super *s = (rp_super *)rc_new(ip->rt, &super_type);
    if (!s)
        return NULL;
    rc_incref(&type->ob);
    s->type = type;
    rc_xincref(obj);
    s->obj = obj;
    if (ot)
        rc_incref(&ot->ob);
    s->obj_type = ot;
    return &s->ob;
}

static rc_object *super_new(rp_interp *ip, rp_class *cls,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    if (rp_kwcount(kwnames)) {
        rp_raise(ip, ip->exc.TypeError, "super() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 2) {
        rp_raise(ip, ip->exc.TypeError,
                 "super() expected at most 2 arguments, got %zu", nargs);
        return NULL;
    }
    if (nargs == 0) {
        rc_object *type, *obj;
        if (rp_frame_super_args(ip, &type, &obj) < 0)
            return NULL;
        return super_make(ip, (rp_class *)type, obj);
    }
    if (!rp_is_class(args[0])) {
        rp_raise(ip, ip->exc.TypeError,
                 "super() argument 1 must be a type, not %s",
                 rp_tname(args[0]));
        return NULL;
    }
    rc_object *obj = nargs == 2 && args[1] != ip->none ? args[1] : NULL;
    return super_make(ip, (rp_class *)args[0], obj);
}

/* ====================================================================== */
/* The kind                                                               */
/* ====================================================================== */

static int super_traverse(rc_object *o, rc_visitproc visit, void *arg) {
    rp_super *s = (rp_super *)o;
    rc_object *refs[] = {s->type ? &s->type->ob : NULL, s->obj,
                         s->obj_type ? &s->obj_type->ob : NULL};
    for (size_t i = 0; i < 3; i++) {
        int r = refs[i] ? visit(refs[i], arg) : 0;
        if (r)
            return r;
    }
    return 0;
}

static int super_clear(rc_object *o) {
    rp_super *s = (rp_super *)o;
    rc_object *refs[] = {s->type ? &s->type->ob : NULL, s->obj,
                         s->obj_type ? &s->obj_type->ob : NULL};
    s->type = s->obj_type = NULL;
    s->obj = NULL;
    for (size_t i = 0; i < 3; i++)
        rc_xdecref(refs[i]);
    return 0;
}

static rc_object *super_repr(rc_object *o) {
    rp_super *s = (rp_super *)o;
    rc_runtime *rt = rc_runtime_of(o);
    const char *tn = s->type ? rp_class_name(s->type) : "NULL";
    if (s->obj_type)
        return rc_str_from_format(rt, "<super: <class '%s'>, <%s object>>", tn,
                                  rp_class_name(s->obj_type));
    return rc_str_from_format(rt, "<super: <class '%s'>, NULL>", tn);
}

/* name found in the classes after s->type in type(obj).__mro__, bound;
 * NULL without an error when none has it. */
static rc_object *super_lookup(rp_interp *ip, rp_super *s, rc_object *name) {
    rc_object *mro = s->obj_type->mro;
    size_t n = mro ? rc_tuple_size(mro) : 0, i = 0;
    while (i < n && rc_tuple_get(mro, i) != &s->type->ob)
        i++;
    for (i++; i < n; i++) {
        rp_class *k = (rp_class *)rc_tuple_get(mro, i);
        rc_object *res = k->dict ? rc_dict_getitem(k->dict, name) : NULL;
        if (!res)
            continue;
        rc_object *bind_to = s->obj == &s->obj_type->ob ? NULL : s->obj;
        return rp_descr_bind(ip, res, bind_to, s->obj_type);
    }
    return NULL;
}

static rc_object *super_getattr(rc_object *o, rc_object *name) {
    rp_interp *ip = rp_interp_of(o);
    rp_super *s = (rp_super *)o;
    if (s->obj_type && s->type && name != ip->s.class_ &&
        strcmp(rc_str_utf8(name), "__class__") != 0) {
        rc_object *mro = s->obj_type->mro;
        rc_incref(mro ? mro : ip->none); /* a __get__ may replace it */
        rc_object *r = super_lookup(ip, s, name);
        rc_decref(mro ? mro : ip->none);
        if (r || rp_err_occurred(ip))
            return r;
    }
    return rp_generic_getattr(ip, o, name);
}

static const rc_protocol super_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = super_repr,
    .getattr = super_getattr,
};

static const rc_type super_type = {
    .name = "super",
    .basicsize = sizeof(rp_super),
    .flags = RC_TYPE_GC,
    .traverse = super_traverse,
    .clear = super_clear,
    .protocol = &super_protocol,
};

/* super(type).__get__(obj): bound super; a bound one returns itself. */
static rc_object *super_get(rp_interp *ip, rc_object *descr, rc_object *obj,
                            rp_class *type) {
    rp_super *s = (rp_super *)descr;
    if (!obj || s->obj || !s->type)
        return rp_new_ref(descr);
    return super_make(ip, s->type, obj);
}

static rc_object *get_thisclass(rp_interp *ip, rc_object *self) {
    rp_class *t = ((rp_super *)self)->type;
    return rp_new_ref(t ? &t->ob : ip->none);
}

static rc_object *get_self(rp_interp *ip, rc_object *self) {
    rc_object *o = ((rp_super *)self)->obj;
    return rp_new_ref(o ? o : ip->none);
}

static rc_object *get_self_class(rp_interp *ip, rc_object *self) {
    rp_class *t = ((rp_super *)self)->obj_type;
    return rp_new_ref(t ? &t->ob : ip->none);
}

static const rp_getsetdef super_getsets[] = {
    {"__thisclass__", get_thisclass, NULL, "the class invoking super()"},
    {"__self__", get_self, NULL, "the instance invoking super(); may be None"},
    {"__self_class__", get_self_class, NULL,
     "the type of the instance invoking super(); may be None"},
    {NULL},
};

int rp_init_super(rp_interp *ip) {
    rp_class *c = rp_class_new_builtin(ip, "super", &super_type, NULL, NULL,
                                       super_new, 0);
    if (!c || rp_class_add_getsets(ip, c, super_getsets) < 0)
        return -1;
    c->get = super_get;
    ip->cls.super_ = c;
    return 0;
}
