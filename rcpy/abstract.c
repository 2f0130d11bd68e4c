/*
 * abstract.c — the abstract object layer of rcpy: calls (with fast paths
 * for Python functions, bound methods, builtins and classes), attribute
 * access, special-method lookup, conversions (__index__, __float__, truth),
 * isinstance/issubclass and argument parsing for C functions, all with
 * CPython 3.11's messages.
 *
 * Calls follow the vectorcall convention of rcpy.h: arguments are borrowed
 * from the caller; a callee that needs self in front gets a copy of the
 * argument array (on the C stack when small). Anything not recognised here
 * goes through the library's rc_call, which dispatches on the object's
 * call slot.
 */
#include "objmodel.h"

#include <string.h>

/* ====================================================================== */
/* Argument arrays with self in front                                     */
/* ====================================================================== */

int rp_argbuf_prepend(rp_interp *ip, rp_argbuf *b, rc_object *first,
                      rc_object *const *args, size_t nargs,
                      rc_object *kwnames) {
    size_t n = 1 + nargs + rp_kwcount(kwnames);
    b->n = n;
    b->args = b->small;
    if (n > sizeof b->small / sizeof b->small[0]) {
        b->args = rc_malloc(ip->rt, n * sizeof *b->args);
        if (!b->args)
            return -1;
    }
    b->args[0] = first;
    if (n > 1)
        memcpy(b->args + 1, args, (n - 1) * sizeof *args);
    return 0;
}

void rp_argbuf_free(rp_interp *ip, rp_argbuf *b) {
    if (b->args && b->args != b->small)
        rc_free(ip->rt, b->args, b->n * sizeof *b->args);
    b->args = NULL;
}

static rc_object *call_with_self(rp_interp *ip, rc_object *func,
                                 rc_object *self, rc_object *const *args,
                                 size_t nargs, rc_object *kwnames) {
    rp_argbuf b;
    if (rp_argbuf_prepend(ip, &b, self, args, nargs, kwnames) < 0)
        return NULL;
    rc_object *r = rp_call(ip, func, b.args, nargs + 1, kwnames);
    rp_argbuf_free(ip, &b);
    return r;
}

/* ====================================================================== */
/* Calls                                                                  */
/* ====================================================================== */

rc_object *rp_call(rp_interp *ip, rc_object *callable, rc_object *const *args,
                   size_t nargs, rc_object *kwnames) {
    const rc_type *t = callable->type;
    if (t == &rp_function_type)
        return rp_function_call(ip, callable, args, nargs, kwnames);
    if (t == &rp_method_type) {
        rp_method *m = (rp_method *)callable;
        return call_with_self(ip, m->func, m->self, args, nargs, kwnames);
    }
    if (t == &rp_builtin_type) {
        /* CPython 3.11 counts a C function's call on the recursion limit */
        if (rc_recursion_enter(ip->rt, "while calling a Python object") < 0)
            return NULL;
        rp_builtin *b = (rp_builtin *)callable;
        rc_object *r = b->def->fn(ip, b->self, args, nargs, kwnames);
        rc_recursion_leave(ip->rt);
        return r;
    }
    if (t == &rp_class_type)
        return rp_class_call(ip, (rp_class *)callable, args, nargs, kwnames);
    return rc_call(callable, args, nargs, kwnames);
}

rc_object *rp_call0(rp_interp *ip, rc_object *callable) {
    return rp_call(ip, callable, NULL, 0, NULL);
}

rc_object *rp_call1(rp_interp *ip, rc_object *callable, rc_object *a) {
    return rp_call(ip, callable, &a, 1, NULL);
}

rc_object *rp_call2(rp_interp *ip, rc_object *callable, rc_object *a,
                    rc_object *b) {
    rc_object *args[2] = {a, b};
    return rp_call(ip, callable, args, 2, NULL);
}

rc_object *rp_descr_bind(rp_interp *ip, rc_object *d, rc_object *obj,
                         rp_class *type) {
    rp_descr_get get = rp_type_of_ip(ip, d)->get;
    if (!get)
        return rp_new_ref(d);
    rc_incref(d);
    rc_object *r = get(ip, d, obj, type);
    rc_decref(d);
    return r;
}

rc_object *rp_call_unbound(rp_interp *ip, rc_object *f, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    const rc_type *t = f->type;
    if (t == &rp_function_type)
        return call_with_self(ip, f, self, args, nargs, kwnames);
    if (t == &rp_methoddescr_type) {
        rp_methoddescr *d = (rp_methoddescr *)f;
        if (d->cls && rp_is_instance(self, d->cls))
            return d->def->fn(ip, rp_self_for(d->cls, self), args, nargs,
                              kwnames);
        return call_with_self(ip, f, self, args, nargs, kwnames);
    }
    if (t == &rp_wrapperdescr_type) {
        rp_wrapperdescr *w = (rp_wrapperdescr *)f;
        if (w->cls && rp_is_instance(self, w->cls))
            return rp_wrapper_call(ip, w, self, args, nargs, kwnames);
        return call_with_self(ip, f, self, args, nargs, kwnames);
    }
    rp_class *fc = rp_type_of_ip(ip, f);
    if (!fc->get)
        return rp_call(ip, f, args, nargs, kwnames);
    rc_object *bound = fc->get(ip, f, self, rp_type_of_ip(ip, self));
    if (!bound)
        return NULL;
    rc_object *r = rp_call(ip, bound, args, nargs, kwnames);
    rc_decref(bound);
    return r;
}

rc_object *rp_lookup_special(rp_interp *ip, rc_object *o, rc_object *name) {
    rp_class *tp = rp_type_of(o);
    rc_object *f = rp_class_lookup(tp, name);
    return f ? rp_descr_bind(ip, f, o, tp) : NULL;
}

rc_object *rp_call_special(rp_interp *ip, rc_object *o, rc_object *name,
                           rc_object *const *args, size_t nargs, bool *found) {
    rc_object *f = rp_class_lookup_ip(ip, rp_type_of_ip(ip, o), name);
    *found = f != NULL;
    if (!f)
        return NULL;
    rc_incref(f);
    rc_object *r = rp_call_unbound(ip, f, o, args, nargs, NULL);
    rc_decref(f);
    return r;
}

bool rp_callable(rp_interp *ip, rc_object *o) {
    const rc_protocol *p = o->type->protocol;
    if (p == &rp_inst_protocol)
        return rp_class_lookup(rp_type_of(o), ip->s.call) != NULL;
    return p && p->call;
}

static bool method_like(const rc_object *f) {
    const rc_type *t = f->type;
    return t == &rp_function_type || t == &rp_methoddescr_type ||
           t == &rp_wrapperdescr_type;
}

rc_object *rp_lookup_method(rp_interp *ip, rc_object *o, rc_object *name) {
    const rc_protocol *p = o->type->protocol;
    rp_class *tp = rp_type_of_ip(ip, o);
    bool inst = p == &rp_inst_protocol;
    if (inst ? (tp->flags & RP_CLS_OWN_GETATTR_) != 0
             : p && p->getattr && p != &rp_object_protocol)
        return NULL; /* an attribute lookup of its own */
    rc_object *f = rp_class_lookup_ip(ip, tp, name);
    if (!f || !method_like(f))
        return NULL;
    if (inst && (tp->flags & RP_CLS_HAS_DICT) && rp_inst_attr_get(o, name))
        return NULL;
    return f;
}

rc_object *rp_call_method(rp_interp *ip, rc_object *o, rc_object *name,
                          rc_object *const *args, size_t nargs) {
    rc_object *f = rp_lookup_method(ip, o, name);
    if (f) {
        rc_incref(f);
        rc_object *r = rp_call_unbound(ip, f, o, args, nargs, NULL);
        rc_decref(f);
        return r;
    }
    rc_object *m = rp_getattr(ip, o, name);
    if (!m)
        return NULL;
    rc_object *r = rp_call(ip, m, args, nargs, NULL);
    rc_decref(m);
    return r;
}

/* ====================================================================== */
/* Attributes                                                             */
/* ====================================================================== */

int rp_check_attr_name(rp_interp *ip, rc_object *name) {
    if (rc_is_str(name))
        return 0;
    return rp_raise(ip, ip->exc.TypeError,
                    "attribute name must be string, not '%s'", rp_tname(name));
}

int rp_raise_no_attr(rp_interp *ip, rc_object *o, rc_object *name) {
    rp_raise_attribute_error(ip, o, name, "'%s' object has no attribute '%s'",
                             rp_tname(o), rc_str_utf8(name));
    return -1;
}

rc_object *rp_getattr(rp_interp *ip, rc_object *o, rc_object *name) {
    if (rp_check_attr_name(ip, name) < 0)
        return NULL;
    const rc_protocol *p = o->type->protocol;
    if (p == &rp_inst_protocol)
        return rp_inst_getattr_slot(o, name);
    if (p && p->getattr)
        return p->getattr(o, name);
    return rp_generic_getattr(ip, o, name);
}

rc_object *rp_getattr_cstr(rp_interp *ip, rc_object *o, const char *name) {
    rc_object *n = rc_str_intern(ip->rt, name);
    if (!n)
        return NULL;
    rc_object *r = rp_getattr(ip, o, n);
    rc_decref(n);
    return r;
}

int rp_getattr_opt(rp_interp *ip, rc_object *o, rc_object *name,
                   rc_object **out) {
    *out = rp_getattr(ip, o, name);
    if (*out)
        return 1;
    if (!rp_err_matches(ip, ip->exc.AttributeError))
        return -1;
    rp_err_clear(ip);
    return 0;
}

int rp_setattr(rp_interp *ip, rc_object *o, rc_object *name, rc_object *value) {
    if (rp_check_attr_name(ip, name) < 0)
        return -1;
    const rc_protocol *p = o->type->protocol;
    if (p && value && p->setattr)
        return p->setattr(o, name, value);
    if (p && !value && p->delattr)
        return p->delattr(o, name);
    return rp_generic_setattr(ip, o, name, value);
}

/* ====================================================================== */
/* Conversions                                                            */
/* ====================================================================== */

static int int_to_index(rp_interp *ip, rc_object *v, int64_t *out) {
    if (rc_int_to_i64(v, out) == 0)
        return 0;
    return rp_raise(ip, ip->exc.OverflowError,
                    "cannot fit 'int' into an index-sized integer");
}

int rp_index(rp_interp *ip, rc_object *o, int64_t *out) {
    rc_object *inner = rp_value_of(o);
    if (inner && rc_is_int(inner))
        o = inner;
    if (rc_is_int(o))
        return int_to_index(ip, o, out);
    bool found;
    rc_object *r = rp_call_special(ip, o, ip->s.index, NULL, 0, &found);
    if (!found)
        return rp_raise(ip, ip->exc.TypeError,
                        "'%s' object cannot be interpreted as an integer",
                        rp_tname(o));
    if (!r)
        return -1;
    int st = rc_is_int(r) ? int_to_index(ip, r, out)
                          : rp_raise(ip, ip->exc.TypeError,
                                     "__index__ returned non-int (type %s)",
                                     rp_tname(r));
    rc_decref(r);
    return st < 0 ? -1 : 0;
}

int rp_float(rp_interp *ip, rc_object *o, double *out) {
    rc_object *inner = rp_value_of(o);
    if (inner && (rc_is_float(inner) || rc_is_int(inner)))
        o = inner;
    if (rc_is_float(o) || rc_is_int(o))
        return rc_number_as_double(o, out) < 0 ? -1 : 0;
    bool found;
    rc_object *r = rp_call_special(ip, o, ip->s.float_, NULL, 0, &found);
    if (found) {
        if (!r)
            return -1;
        int st = rc_is_float(r) ? rc_number_as_double(r, out)
                                : rp_raise(ip, ip->exc.TypeError,
                                           "%s.__float__ returned non-float "
                                           "(type %s)",
                                           rp_tname(o), rp_tname(r));
        rc_decref(r);
        return st < 0 ? -1 : 0;
    }
    if (rp_class_lookup(rp_type_of(o), ip->s.index)) {
        int64_t v;
        if (rp_index(ip, o, &v) < 0)
            return -1;
        *out = (double)v;
        return 0;
    }
    return rp_raise(ip, ip->exc.TypeError, "must be real number, not %s",
                    rp_tname(o));
}

int rp_truth(rp_interp *ip, rc_object *o) {
    if (o == ip->true_)
        return 1;
    if (o == ip->false_ || o == ip->none)
        return 0;
    return rc_truth(o);
}

/* ====================================================================== */
/* isinstance, issubclass                                                 */
/* ====================================================================== */

/* getattr(o, name) where AttributeError means absent: 1 (*out new), 0, or
 * negative. */
static int attr_opt(rp_interp *ip, rc_object *o, const char *name,
                    rc_object **out) {
    rc_object *n = rc_str_intern(ip->rt, name);
    if (!n)
        return -1;
    int r = rp_getattr_opt(ip, o, n, out);
    rc_decref(n);
    return r;
}

/* cls.__bases__ when it is a tuple: 1 (*out new), 0 when absent or not a
 * tuple, negative on another error (CPython's abstract_get_bases). */
static int abstract_bases(rp_interp *ip, rc_object *cls, rc_object **out) {
    rc_object *b;
    int r = attr_opt(ip, cls, "__bases__", &b);
    *out = NULL;
    if (r <= 0)
        return r;
    if (!rc_is_tuple(b)) {
        rc_decref(b);
        return 0;
    }
    *out = b;
    return 1;
}

/* Whether derived reaches cls through __bases__ (objects that only look
 * like classes): single inheritance loops, several bases recurse. */
static int abstract_issubclass(rp_interp *ip, rc_object *derived,
                               rc_object *cls) {
    rc_object *bases = NULL;
    for (;;) {
        if (derived == cls) {
            rc_xdecref(bases);
            return 1;
        }
        rc_object *next;
        int r = abstract_bases(ip, derived, &next);
        rc_xdecref(bases); /* derived (an item of bases) is not used again */
        bases = next;
        if (r <= 0)
            return r;
        if (rc_tuple_size(bases) != 1)
            break;
        derived = rc_tuple_get(bases, 0);
    }
    int r = 0;
    if (rc_tuple_size(bases) > 0) {
        if (rc_recursion_enter(ip->rt, " in __issubclass__") < 0) {
            rc_decref(bases);
            return -1;
        }
        for (size_t i = 0; r == 0 && i < rc_tuple_size(bases); i++)
            r = abstract_issubclass(ip, rc_tuple_get(bases, i), cls);
        rc_recursion_leave(ip->rt);
    }
    rc_decref(bases);
    return r;
}

/* 0 when cls has a tuple __bases__, else negative with TypeError(msg) (or
 * the error reading it raised). */
static int check_class(rp_interp *ip, rc_object *cls, const char *msg) {
    rc_object *b;
    int r = abstract_bases(ip, cls, &b);
    if (r > 0) {
        rc_decref(b);
        return 0;
    }
    return r < 0 ? r : rp_raise(ip, ip->exc.TypeError, "%s", msg);
}

/* o.__class__ differs from type(o) only when a class says so (a
 * __getattribute__ of its own, a __class__ property, a proxy): when
 * o's class has object's plain lookup and descriptor, skip reading it. */
static bool plain_class_attr(rp_interp *ip, rc_object *o) {
    const rc_protocol *p = o->type->protocol;
    rp_class *tp = rp_type_of_ip(ip, o);
    if (p == &rp_inst_protocol ? (tp->flags & RP_CLS_OWN_GETATTR_) != 0
                               : p && p->getattr && p != &rp_object_protocol)
        return false;
    rc_object *f;
    return rp_class_lookup_where(tp, ip->s.class_, &f) == ip->cls.object;
}

/* type.__instancecheck__: o's type, else o.__class__, is cls or derives
 * from it; for a cls that is not a class, through __bases__. */
int rp_real_isinstance(rp_interp *ip, rc_object *o, rc_object *cls) {
    bool is_cls = rp_is_class(cls);
    if (is_cls && rp_is_instance(o, (rp_class *)cls))
        return 1;
    if (!is_cls && check_class(ip, cls,
                               "isinstance() arg 2 must be a type, a tuple "
                               "of types, or a union") < 0)
        return -1;
    if (is_cls && plain_class_attr(ip, o))
        return 0;
    rc_object *c;
    int r = rp_getattr_opt(ip, o, ip->s.class_, &c);
    if (r <= 0)
        return r;
    if (!is_cls)
        r = abstract_issubclass(ip, c, cls);
    else if (c != &rp_type_of(o)->ob && rp_is_class(c))
        r = rp_is_subclass((rp_class *)c, (rp_class *)cls);
    else
        r = 0;
    rc_decref(c);
    return r;
}

/* type.__subclasscheck__: classes by their MRO, other objects through
 * __bases__. */
int rp_real_issubclass(rp_interp *ip, rc_object *c, rc_object *cls) {
    if (rp_is_class(cls) && rp_is_class(c))
        return rp_is_subclass((rp_class *)c, (rp_class *)cls);
    if (check_class(ip, c, "issubclass() arg 1 must be a class") < 0 ||
        check_class(ip, cls,
                    "issubclass() arg 2 must be a class, a tuple of classes, "
                    "or a union") < 0)
        return -1;
    return abstract_issubclass(ip, c, cls);
}

/* type(cls).__instancecheck__ / __subclasscheck__ when cls's metaclass
 * (or, for an object that is not a class, its class) defines one other
 * than type's: 1/0/negative, or 2 when type's own rule applies. */
static int metaclass_check(rp_interp *ip, rc_object *cls, rc_object *name,
                           rc_object *arg, const char *where_msg) {
    rp_class *meta = rp_type_of(cls);
    if (meta == ip->cls.type)
        return 2;
    rc_object *f;
    rp_class *where = rp_class_lookup_where(meta, name, &f);
    if (!where || where == ip->cls.type)
        return 2;
    if (rc_recursion_enter(ip->rt, where_msg) < 0)
        return -1;
    rc_incref(f);
    rc_object *r = rp_call_unbound(ip, f, cls, &arg, 1, NULL);
    rc_decref(f);
    rc_recursion_leave(ip->rt);
    if (!r)
        return -1;
    int t = rp_truth(ip, r);
    rc_decref(r);
    return t;
}

int rp_isinstance(rp_interp *ip, rc_object *o, rc_object *spec) {
    if (&rp_type_of(o)->ob == spec)
        return 1;
    if (rc_is_tuple(spec)) {
        if (rc_recursion_enter(ip->rt, " in __instancecheck__") < 0)
            return -1;
        int r = 0;
        for (size_t i = 0; r == 0 && i < rc_tuple_size(spec); i++)
            r = rp_isinstance(ip, o, rc_tuple_get(spec, i));
        rc_recursion_leave(ip->rt);
        return r;
    }
    int r = metaclass_check(ip, spec, ip->s.instancecheck, o,
                            " in __instancecheck__");
    return r != 2 ? r : rp_real_isinstance(ip, o, spec);
}

int rp_issubclass(rp_interp *ip, rc_object *c, rc_object *spec) {
    if (rp_is_class(spec) && rp_type_of(spec) == ip->cls.type && c == spec)
        return 1;
    if (rc_is_tuple(spec)) {
        if (rc_recursion_enter(ip->rt, " in __subclasscheck__") < 0)
            return -1;
        int r = 0;
        for (size_t i = 0; r == 0 && i < rc_tuple_size(spec); i++)
            r = rp_issubclass(ip, c, rc_tuple_get(spec, i));
        rc_recursion_leave(ip->rt);
        return r;
    }
    int r = metaclass_check(ip, spec, ip->s.subclasscheck, c,
                            " in __subclasscheck__");
    return r != 2 ? r : rp_real_issubclass(ip, c, spec);
}

/* ====================================================================== */
/* Argument parsing for C functions                                       */
/* ====================================================================== */

int rp_check_args(rp_interp *ip, const char *fname, size_t nargs,
                  rc_object *kwnames, size_t min, size_t max) {
    if (rp_kwcount(kwnames))
        return rp_raise(ip, ip->exc.TypeError,
                        "%s() takes no keyword arguments", fname);
    if (nargs >= min && nargs <= max)
        return 0;
    if (max == 0)
        return rp_raise(ip, ip->exc.TypeError,
                        "%s() takes no arguments (%zu given)", fname, nargs);
    if (min == 1 && max == 1)
        return rp_raise(ip, ip->exc.TypeError,
                        "%s() takes exactly one argument (%zu given)", fname,
                        nargs);
    size_t bound = nargs < min ? min : max;
    const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
    return rp_raise(ip, ip->exc.TypeError,
                    "%s expected %s%zu argument%s, got %zu", fname, how, bound,
                    bound == 1 ? "" : "s", nargs);
}

static int too_many_positional(rp_interp *ip, const rp_argspec *spec,
                               size_t nargs) {
    unsigned max = spec->max_positional;
    if (max == 0)
        return rp_raise(ip, ip->exc.TypeError,
                        "%s() takes no positional arguments", spec->fname);
    return rp_raise(ip, ip->exc.TypeError,
                    "%s() takes %s %u positional argument%s (%zu given)",
                    spec->fname, spec->min < max ? "at most" : "exactly", max,
                    max == 1 ? "" : "s", nargs);
}

static ptrdiff_t param_index(const rp_argspec *spec, rc_object *kw) {
    const char *s = rc_str_utf8(kw);
    for (size_t i = 0; spec->names[i]; i++)
        if (strcmp(spec->names[i], s) == 0)
            return (ptrdiff_t)i;
    return -1;
}

static int bind_keywords(rp_interp *ip, const rp_argspec *spec,
                         rc_object *const *values, rc_object *kwnames,
                         rc_object **out) {
    for (size_t j = 0; j < rp_kwcount(kwnames); j++) {
        rc_object *kw = rc_tuple_get(kwnames, j);
        ptrdiff_t i = param_index(spec, kw);
        if (i < (ptrdiff_t)spec->posonly)
            return rp_raise(ip, ip->exc.TypeError,
                            "'%s' is an invalid keyword argument for %s()",
                            rc_str_utf8(kw), spec->fname);
        if (out[i])
            return rp_raise(ip, ip->exc.TypeError,
                            "argument for %s() given by name ('%s') and "
                            "position (%td)",
                            spec->fname, spec->names[i], i + 1);
        out[i] = values[j];
    }
    return 0;
}

int rp_parse_args(rp_interp *ip, const rp_argspec *spec, rc_object *const *args,
                  size_t nargs, rc_object *kwnames, rc_object **out) {
    size_t n = 0;
    while (spec->names[n])
        n++;
    size_t given = nargs + rp_kwcount(kwnames);
    if (given > n) /* CPython's argument clinic checks this first */
        return rp_raise(ip, ip->exc.TypeError,
                        "%s() takes at most %zu %sargument%s (%zu given)",
                        spec->fname, n, nargs ? "" : "keyword ",
                        n == 1 ? "" : "s", given);
    if (nargs > spec->max_positional)
        return too_many_positional(ip, spec, nargs);
    unsigned minpos = spec->posonly < spec->min ? spec->posonly : spec->min;
    if (nargs < minpos) /* a required positional-only one is missing */
        return rp_raise(ip, ip->exc.TypeError,
                        "%s() takes %s %u positional argument%s (%zu given)",
                        spec->fname,
                        minpos < spec->max_positional ? "at least" : "exactly",
                        minpos, minpos == 1 ? "" : "s", nargs);
    for (size_t i = 0; i < n; i++)
        out[i] = i < nargs ? args[i] : NULL;
    if (kwnames && bind_keywords(ip, spec, args + nargs, kwnames, out) < 0)
        return -1;
    for (size_t i = 0; i < spec->min && i < n; i++)
        if (!out[i])
            return rp_raise(ip, ip->exc.TypeError,
                            "%s() missing required argument '%s' (pos %zu)",
                            spec->fname, spec->names[i], i + 1);
    return 0;
}
