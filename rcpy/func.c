/*
 * func.c — functions, cells and bound methods, and the binding of call
 * arguments to a function's parameters.
 *
 * A function is its code plus what the `def` statement evaluated: the
 * globals it runs in, defaults, keyword-only defaults, the closure (a tuple
 * of cells shared with the enclosing frames) and a dict of attributes made
 * on demand. Calling one binds the arguments into a fresh frame with
 * CPython 3.11's rules and messages (rp_bind_args) and runs it; a
 * generator function returns a generator instead. A function is a
 * descriptor: found on a class through an instance, it binds into a
 * method (rp_class.get), which prepends its `self` when called.
 *
 * Every kind here is a GC type: a function refers to its globals, which
 * refer back to it; an instance holding its own bound method is a cycle.
 */
#include "vm_internal.h"

#include <string.h>

/* ====================================================================== */
/* Functions                                                              */
/* ====================================================================== */

static rc_object *first_const_doc(rp_code *co) {
    if (rc_tuple_size(co->consts) == 0)
        return NULL;
    rc_object *d = rc_tuple_get(co->consts, 0);
    return rc_is_str(d) ? d : NULL;
}

rc_object *rp_function_new(rp_interp *ip, rc_object *code, rc_object *globals,
                           rc_object *qualname) {
    if (code->type != &rp_code_type || !globals || !rc_is_dict(globals)) {
        rp_raise(ip, ip->exc.SystemError, "bad argument to rp_function_new");
        return NULL;
    }
    rp_code *co = (rp_code *)code;
    rc_object *module = NULL;
    if (rc_dict_lookup(globals, ip->s.name, &module) < 0)
        return NULL;
    rp_function *fn = (rp_function *)rc_new(ip->rt, &rp_function_type);
    if (!fn)
        return NULL;
    rc_object *refs[] = {code,
                         globals,
                         rp_builtins_of(ip, globals),
                         co->name,
                         qualname ? qualname : co->qualname,
                         module,
                         first_const_doc(co)};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        rc_xincref(refs[i]);
    fn->code = co;
    fn->globals = refs[1];
    fn->builtins = refs[2];
    fn->name = refs[3];
    fn->qualname = refs[4];
    fn->module = refs[5];
    fn->doc = refs[6];
    return &fn->ob;
}

rc_object *rp_function_call(rp_interp *ip, rc_object *func,
                            rc_object *const *args, size_t nargs,
                            rc_object *kwnames) {
    rp_function *fn = (rp_function *)func;
    rp_code *co = fn->code;
    if (co->flags & RP_CO_GENERATOR)
        return rp_gen_new(ip, fn, args, nargs, kwnames);
    rp_frame *f = rp_frame_push(ip, co);
    if (!f)
        return NULL;
    rc_incref(func);
    rp_frame_init(f, co, func, fn->globals, fn->builtins, NULL,
                  RP_FRAME_OWNED_BY_THREAD);
    if (rp_bind_args(ip, fn, f, args, nargs, kwnames) < 0 ||
        rp_frame_make_cells(ip, f) < 0) {
        rp_frame_clear(ip, f);
        rp_frame_pop(ip, f);
        return NULL;
    }
    return rp_run_frame(ip, f, false);
}

static int func_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    rp_function *fn = (rp_function *)self;
    rc_object *refs[] = {&fn->code->ob, fn->globals,    fn->builtins,
                         fn->name,      fn->qualname,   fn->module,
                         fn->defaults,  fn->kwdefaults, fn->closure,
                         fn->doc,       fn->dict,       fn->annotations};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        int r = refs[i] ? visit(refs[i], arg) : 0;
        if (r)
            return r;
    }
    return 0;
}

/* Drops what can form cycles; code, globals, builtins and the names stay,
 * so a cleared function can still be called safely (the dicts break their
 * own cycles). */
static int func_clear(rc_object *self) {
    rp_function *fn = (rp_function *)self;
    rc_object *refs[] = {fn->module, fn->defaults, fn->kwdefaults, fn->closure,
                         fn->doc,    fn->dict,     fn->annotations};
    fn->module = fn->defaults = fn->kwdefaults = fn->closure = NULL;
    fn->doc = fn->dict = fn->annotations = NULL;
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        rc_xdecref(refs[i]);
    return 0;
}

static void func_dealloc(rc_object *self) {
    rp_function *fn = (rp_function *)self;
    func_clear(self);
    rc_object *refs[] = {fn->globals, fn->builtins, fn->name, fn->qualname,
                         &fn->code->ob};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        rc_xdecref(refs[i]);
}

static rc_object *func_repr(rc_object *self) {
    rp_function *fn = (rp_function *)self;
    return rc_str_from_format(rc_runtime_of(self), "<function %s at %p>",
                              rc_str_utf8(fn->qualname), (void *)self);
}

static rc_object *func_call_slot(rc_object *self, rc_object *const *args,
                                 size_t nargs, rc_object *kwnames) {
    return rp_function_call(rp_interp_of(self), self, args, nargs, kwnames);
}

/* Is name a data descriptor (a getset) on cls? Those win over an object's
 * own dict. */
static bool is_data_descr(rp_class *cls, rc_object *name) {
    rc_object *d = rp_class_lookup(cls, name);
    return d && rp_type_of(d)->set != NULL;
}

static rc_object *func_getattr(rc_object *self, rc_object *name) {
    rp_interp *ip = rp_interp_of(self);
    rp_function *fn = (rp_function *)self;
    rc_object *v = NULL;
    if (fn->dict && !is_data_descr(ip->cls.function, name)) {
        int r = rc_dict_lookup(fn->dict, name, &v);
        if (r < 0)
            return NULL;
        if (r > 0) {
            rc_incref(v);
            return v;
        }
    }
    return rp_generic_getattr(ip, self, name);
}

static int func_setattr(rc_object *self, rc_object *name, rc_object *value) {
    rp_interp *ip = rp_interp_of(self);
    rp_function *fn = (rp_function *)self;
    if (is_data_descr(ip->cls.function, name))
        return rp_generic_setattr(ip, self, name, value);
    if (!value) {
        if (fn->dict) {
            int r = rc_dict_lookup(fn->dict, name, &value);
            if (r != 0)
                return r < 0 ? r : rc_dict_delitem(fn->dict, name);
        }
        return rp_raise(ip, ip->exc.AttributeError,
                        "'function' object has no attribute '%s'",
                        rc_str_utf8(name));
    }
    if (!fn->dict && !(fn->dict = rc_dict_new(ip->rt)))
        return -1;
    return rc_dict_setitem(fn->dict, name, value);
}

static int func_delattr(rc_object *self, rc_object *name) {
    return func_setattr(self, name, NULL);
}

static const rc_protocol func_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = func_repr,
    .call = func_call_slot,
    .getattr = func_getattr,
    .setattr = func_setattr,
    .delattr = func_delattr,
};

const rc_type rp_function_type = {
    .name = "function",
    .basicsize = sizeof(rp_function),
    .flags = RC_TYPE_GC,
    .traverse = func_traverse,
    .clear = func_clear,
    .dealloc = func_dealloc,
    .protocol = &func_protocol,
};

/* function.__get__: bound to an instance, a method; looked up on the
 * class (obj NULL or None), the function itself. */
static rc_object *func_descr_get(rp_interp *ip, rc_object *descr,
                                 rc_object *obj, rp_class *type) {
    if (!obj || obj == ip->none) {
        rc_incref(descr);
        return descr;
    }
    return rp_method_new(ip, descr, obj);
}

/* ---------------------------------------------------- function attributes */

static rc_object *new_ref_or_none(rp_interp *ip, rc_object *o) {
    o = o ? o : ip->none;
    rc_incref(o);
    return o;
}

/* Replaces *slot with value (a new reference is taken; NULL empties). */
static void replace(rc_object **slot, rc_object *value) {
    rc_object *old = *slot;
    rc_xincref(value);
    *slot = value;
    rc_xdecref(old);
}

static int set_str_field(rp_interp *ip, rc_object **slot, rc_object *value,
                         const char *what) {
    if (!value || !rc_is_str(value))
        return rp_raise(ip, ip->exc.TypeError,
                        "%s must be set to a string object", what);
    replace(slot, value);
    return 0;
}

#define FN(self) ((rp_function *)(self))

static rc_object *get_name(rp_interp *ip, rc_object *self) {
    return new_ref_or_none(ip, FN(self)->name);
}
static int set_name(rp_interp *ip, rc_object *self, rc_object *v) {
    return set_str_field(ip, &FN(self)->name, v, "__name__");
}
static rc_object *get_qualname(rp_interp *ip, rc_object *self) {
    return new_ref_or_none(ip, FN(self)->qualname);
}
static int set_qualname(rp_interp *ip, rc_object *self, rc_object *v) {
    return set_str_field(ip, &FN(self)->qualname, v, "__qualname__");
}
static rc_object *get_module(rp_interp *ip, rc_object *self) {
    return new_ref_or_none(ip, FN(self)->module);
}
static int set_module(rp_interp *ip, rc_object *self, rc_object *v) {
    replace(&FN(self)->module, v);
    return 0;
}
static rc_object *get_doc(rp_interp *ip, rc_object *self) {
    return new_ref_or_none(ip, FN(self)->doc);
}
static int set_doc(rp_interp *ip, rc_object *self, rc_object *v) {
    replace(&FN(self)->doc, v == ip->none ? NULL : v);
    return 0;
}
static rc_object *get_defaults(rp_interp *ip, rc_object *self) {
    return new_ref_or_none(ip, FN(self)->defaults);
}
static int set_defaults(rp_interp *ip, rc_object *self, rc_object *v) {
    if (v == ip->none || (v && rc_is_tuple(v) && rc_tuple_size(v) == 0))
        v = NULL;
    else if (v && !rc_is_tuple(v))
        return rp_raise(ip, ip->exc.TypeError,
                        "__defaults__ must be set to a tuple object");
    replace(&FN(self)->defaults, v);
    return 0;
}
static rc_object *get_kwdefaults(rp_interp *ip, rc_object *self) {
    return new_ref_or_none(ip, FN(self)->kwdefaults);
}
static int set_kwdefaults(rp_interp *ip, rc_object *self, rc_object *v) {
    if (v == ip->none)
        v = NULL;
    else if (v && !rc_is_dict(v))
        return rp_raise(ip, ip->exc.TypeError,
                        "__kwdefaults__ must be set to a dict object");
    replace(&FN(self)->kwdefaults, v);
    return 0;
}
static rc_object *get_closure(rp_interp *ip, rc_object *self) {
    return new_ref_or_none(ip, FN(self)->closure);
}
static rc_object *get_code(rp_interp *ip, rc_object *self) {
    return new_ref_or_none(ip, &FN(self)->code->ob);
}
static int set_code(rp_interp *ip, rc_object *self, rc_object *v) {
    if (!v || v->type != &rp_code_type)
        return rp_raise(ip, ip->exc.TypeError,
                        "__code__ must be set to a code object");
    rp_code *co = (rp_code *)v;
    uint32_t nclosure =
        FN(self)->closure ? (uint32_t)rc_tuple_size(FN(self)->closure) : 0;
    if (co->nfreevars != nclosure)
        return rp_raise(ip, ip->exc.ValueError,
                        "%s() requires a code object with %u free vars, not "
                        "%u",
                        rc_str_utf8(FN(self)->name), (unsigned)nclosure,
                        (unsigned)co->nfreevars);
    rc_object *old = &FN(self)->code->ob;
    rc_incref(v);
    FN(self)->code = co;
    rc_decref(old);
    return 0;
}
static rc_object *get_globals(rp_interp *ip, rc_object *self) {
    return new_ref_or_none(ip, FN(self)->globals);
}
static rc_object *get_builtins(rp_interp *ip, rc_object *self) {
    return new_ref_or_none(ip, FN(self)->builtins);
}
static rc_object *get_dict(rp_interp *ip, rc_object *self) {
    if (!FN(self)->dict && !(FN(self)->dict = rc_dict_new(ip->rt)))
        return NULL;
    rc_incref(FN(self)->dict);
    return FN(self)->dict;
}
static int set_dict(rp_interp *ip, rc_object *self, rc_object *v) {
    if (!v)
        return rp_raise(ip, ip->exc.TypeError, "cannot delete __dict__");
    if (!rc_is_dict(v))
        return rp_raise(ip, ip->exc.TypeError,
                        "__dict__ must be set to a dictionary, not a '%s'",
                        rc_type_name(v));
    replace(&FN(self)->dict, v);
    return 0;
}
/* The compiler parses annotations and drops them, so a function's
 * __annotations__ starts empty; as in CPython it is a dict kept on the
 * function (made on first read), which functools.wraps copies. */
static rc_object *get_annotations(rp_interp *ip, rc_object *self) {
    if (!FN(self)->annotations &&
        !(FN(self)->annotations = rc_dict_new(ip->rt)))
        return NULL;
    rc_incref(FN(self)->annotations);
    return FN(self)->annotations;
}
static int set_annotations(rp_interp *ip, rc_object *self, rc_object *v) {
    if (v == ip->none)
        v = NULL; /* None and del both mean "none yet" */
    else if (v && !rc_is_dict(v))
        return rp_raise(ip, ip->exc.TypeError,
                        "__annotations__ must be set to a dict object");
    replace(&FN(self)->annotations, v);
    return 0;
}

static const rp_getsetdef func_getsets[] = {
    {"__name__", get_name, set_name, NULL},
    {"__qualname__", get_qualname, set_qualname, NULL},
    {"__module__", get_module, set_module, NULL},
    {"__doc__", get_doc, set_doc, NULL},
    {"__defaults__", get_defaults, set_defaults, NULL},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults, NULL},
    {"__closure__", get_closure, NULL, NULL},
    {"__code__", get_code, set_code, NULL},
    {"__globals__", get_globals, NULL, NULL},
    {"__builtins__", get_builtins, NULL, NULL},
    {"__dict__", get_dict, set_dict, NULL},
    {"__annotations__", get_annotations, set_annotations, NULL},
    {NULL},
};

#undef FN

/* ====================================================================== */
/* Binding arguments to parameters                                        */
/* ====================================================================== */

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" into buf. */
static void format_names(char *buf, size_t cap, rc_object *const *names,
                         size_t n) {
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < cap; i++) {
        const char *sep = i == 0       ? ""
                          : n == 2     ? " and "
                          : i + 1 == n ? ", and "
                                       : ", ";
        int w = snprintf(buf + len, cap - len, "%s'%s'", sep,
                         rc_str_utf8(names[i]));
        len += w > 0 ? (size_t)w : 0;
    }
}

/* "f() missing 2 required positional arguments: 'a' and 'b'": the empty
 * slots among [from, to) that no default fills. */
static int missing_arguments(rp_interp *ip, rp_function *fn, rp_frame *f,
                             uint32_t from, uint32_t to, const char *kind) {
    rc_object *names[64];
    size_t n = 0, total = 0;
    for (uint32_t i = from; i < to; i++) {
        if (f->localsplus[i])
            continue;
        if (n < sizeof names / sizeof names[0])
            names[n++] = rc_tuple_get(fn->code->localsplusnames, i);
        total++;
    }
    char buf[1024];
    format_names(buf, sizeof buf, names, n);
    return rp_raise(
        ip, ip->exc.TypeError, "%s() missing %zu required %s argument%s: %s",
        rc_str_utf8(fn->qualname), total, kind, total == 1 ? "" : "s", buf);
}

static int too_many_positional(rp_interp *ip, rp_function *fn, rp_frame *f,
                               size_t given) {
    rp_code *co = fn->code;
    size_t kwonly_given = 0;
    for (uint32_t i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        kwonly_given += f->localsplus[i] != NULL;
    size_t ndefaults = fn->defaults ? rc_tuple_size(fn->defaults) : 0;
    char sig[64], kwsig[96] = "";
    bool plural;
    if (ndefaults) {
        snprintf(sig, sizeof sig, "from %u to %u",
                 (unsigned)(co->argcount - ndefaults), (unsigned)co->argcount);
        plural = true;
    } else {
        snprintf(sig, sizeof sig, "%u", (unsigned)co->argcount);
        plural = co->argcount != 1;
    }
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig,
                 " positional argument%s (and %zu keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given,
                 kwonly_given != 1 ? "s" : "");
    return rp_raise(ip, ip->exc.TypeError,
                    "%s() takes %s positional argument%s but %zu%s %s given",
                    rc_str_utf8(fn->qualname), sig, plural ? "s" : "", given,
                    kwsig, given == 1 && !kwonly_given ? "was" : "were");
}

static bool same_name(rc_object *a, rc_object *b) {
    return a == b || rc_equal(a, b) == 1;
}

/* The parameter named `name` among [from, to), or -1. */
static ptrdiff_t find_param(rp_code *co, rc_object *name, uint32_t from,
                            uint32_t to) {
    for (uint32_t i = from; i < to; i++) /* interned names: identity first */
        if (rc_tuple_get(co->localsplusnames, i) == name)
            return i;
    for (uint32_t i = from; i < to; i++)
        if (same_name(rc_tuple_get(co->localsplusnames, i), name))
            return i;
    return -1;
}

/* "f() got some positional-only arguments passed as keyword arguments:
 * 'a, b'", or 0 when no keyword names a positional-only parameter. */
static int posonly_as_keyword(rp_interp *ip, rp_function *fn,
                              rc_object *kwnames) {
    rp_code *co = fn->code;
    char buf[1024];
    size_t len = 0, found = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < co->posonlyargcount; i++) {
        rc_object *p = rc_tuple_get(co->localsplusnames, i);
        for (size_t k = 0; k < rc_tuple_size(kwnames); k++) {
            if (!same_name(p, rc_tuple_get(kwnames, k)))
                continue;
            int w = snprintf(buf + len, sizeof buf - len, "%s%s",
                             found ? ", " : "", rc_str_utf8(p));
            len = w > 0 && len + (size_t)w < sizeof buf ? len + (size_t)w : len;
            found++;
            break;
        }
    }
    if (!found)
        return 0;
    return rp_raise(ip, ip->exc.TypeError,
                    "%s() got some positional-only arguments passed as "
                    "keyword arguments: '%s'",
                    rc_str_utf8(fn->qualname), buf);
}

static int bind_keywords(rp_interp *ip, rp_function *fn, rp_frame *f,
                         rc_object *const *kwvalues, rc_object *kwnames,
                         rc_object *kwdict) {
    rp_code *co = fn->code;
    uint32_t total = co->argcount + co->kwonlyargcount;
    for (size_t k = 0; k < rc_tuple_size(kwnames); k++) {
        rc_object *name = rc_tuple_get(kwnames, k);
        if (!rc_is_str(name))
            return rp_raise(ip, ip->exc.TypeError,
                            "%s() keywords must be strings",
                            rc_str_utf8(fn->qualname));
        ptrdiff_t j = find_param(co, name, co->posonlyargcount, total);
        if (j < 0) {
            if (kwdict) {
                if (rc_dict_setitem(kwdict, name, kwvalues[k]) < 0)
                    return -1;
                continue;
            }
            if (co->posonlyargcount && posonly_as_keyword(ip, fn, kwnames))
                return -1;
            return rp_raise(ip, ip->exc.TypeError,
                            "%s() got an unexpected keyword argument '%s'",
                            rc_str_utf8(fn->qualname), rc_str_utf8(name));
        }
        if (f->localsplus[j])
            return rp_raise(ip, ip->exc.TypeError,
                            "%s() got multiple values for argument '%s'",
                            rc_str_utf8(fn->qualname), rc_str_utf8(name));
        rc_incref(kwvalues[k]);
        f->localsplus[j] = kwvalues[k];
    }
    return 0;
}

/* Defaults for the empty positional slots, then keyword-only defaults;
 * what stays empty is reported missing. */
static int fill_defaults(rp_interp *ip, rp_function *fn, rp_frame *f,
                         size_t given) {
    rp_code *co = fn->code;
    size_t ndef = fn->defaults ? rc_tuple_size(fn->defaults) : 0;
    uint32_t firstdef = co->argcount - (uint32_t)ndef;
    if (given < co->argcount) {
        for (uint32_t i = (uint32_t)given; i < firstdef; i++)
            if (!f->localsplus[i])
                return missing_arguments(ip, fn, f, (uint32_t)given, firstdef,
                                         "positional");
        for (uint32_t i = given > firstdef ? (uint32_t)given : firstdef;
             i < co->argcount; i++) {
            if (f->localsplus[i])
                continue;
            rc_object *d = rc_tuple_get(fn->defaults, i - firstdef);
            rc_incref(d);
            f->localsplus[i] = d;
        }
    }
    uint32_t end = co->argcount + co->kwonlyargcount;
    bool missing = false;
    for (uint32_t i = co->argcount; i < end; i++) {
        if (f->localsplus[i])
            continue;
        rc_object *d = NULL;
        if (fn->kwdefaults) {
            int r = rc_dict_lookup(fn->kwdefaults,
                                   rc_tuple_get(co->localsplusnames, i), &d);
            if (r < 0)
                return -1;
        }
        if (!d) {
            missing = true;
            continue;
        }
        rc_incref(d);
        f->localsplus[i] = d;
    }
    if (missing)
        return missing_arguments(ip, fn, f, co->argcount, end, "keyword-only");
    return 0;
}

int rp_bind_args(rp_interp *ip, rp_function *fn, rp_frame *f,
                 rc_object *const *args, size_t nargs, rc_object *kwnames) {
    rp_code *co = fn->code;
    uint32_t total = co->argcount + co->kwonlyargcount;
    size_t nkw = kwnames ? rc_tuple_size(kwnames) : 0;
    size_t npos = nargs; /* the keyword values follow them */
    rc_object *kwdict = NULL;
    if (co->flags & RP_CO_VARKEYWORDS) {
        kwdict = rc_dict_new(ip->rt);
        if (!kwdict)
            return -1;
        f->localsplus[total + ((co->flags & RP_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    size_t n = npos < co->argcount ? npos : co->argcount;
    for (size_t i = 0; i < n; i++) {
        rc_incref(args[i]);
        f->localsplus[i] = args[i];
    }
    if (co->flags & RP_CO_VARARGS) {
        rc_object *rest = rc_tuple_from_array(ip->rt, args + n, npos - n);
        if (!rest)
            return -1;
        f->localsplus[total] = rest;
    }
    if (nkw && bind_keywords(ip, fn, f, args + npos, kwnames, kwdict) < 0)
        return -1;
    if (npos > co->argcount && !(co->flags & RP_CO_VARARGS))
        return too_many_positional(ip, fn, f, npos);
    return fill_defaults(ip, fn, f, npos);
}

rc_object *rp_function_str(rp_interp *ip, rc_object *callable) {
    rc_object *qualname = NULL, *module = NULL;
    int r = rp_getattr_opt(ip, callable, ip->s.qualname, &qualname);
    if (r <= 0)
        return r < 0 ? NULL : rc_str(callable);
    rc_object *res = NULL;
    r = rp_getattr_opt(ip, callable, ip->s.module, &module);
    if (r >= 0) {
        if (module && rc_is_str(module) &&
            strcmp(rc_str_utf8(module), "builtins") != 0)
            res = rc_str_from_format(ip->rt, "%s.%s()", rc_str_utf8(module),
                                     rc_str_utf8(qualname));
        else
            res = rc_str_from_format(ip->rt, "%s()", rc_str_utf8(qualname));
    }
    rc_xdecref(module);
    rc_decref(qualname);
    return res;
}

/* ====================================================================== */
/* Cells                                                                  */
/* ====================================================================== */

rc_object *rp_cell_new(rp_interp *ip, rc_object *ref) {
    rp_cell *c = (rp_cell *)rc_new(ip->rt, &rp_cell_type);
    if (!c)
        return NULL;
    rc_xincref(ref);
    c->ref = ref;
    return &c->ob;
}

static int cell_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    rc_object *ref = ((rp_cell *)self)->ref;
    return ref ? visit(ref, arg) : 0;
}

static int cell_clear(rc_object *self) {
    rc_object *ref = ((rp_cell *)self)->ref;
    ((rp_cell *)self)->ref = NULL;
    rc_xdecref(ref);
    return 0;
}

static rc_object *cell_repr(rc_object *self) {
    rc_object *ref = ((rp_cell *)self)->ref;
    rc_runtime *rt = rc_runtime_of(self);
    if (!ref)
        return rc_str_from_format(rt, "<cell at %p: empty>", (void *)self);
    return rc_str_from_format(rt, "<cell at %p: %s object at %p>", (void *)self,
                              rc_type_name(ref), (void *)ref);
}

static rc_object *cell_getattr(rc_object *self, rc_object *name) {
    return rp_generic_getattr(rp_interp_of(self), self, name);
}

static int cell_setattr(rc_object *self, rc_object *name, rc_object *value) {
    return rp_generic_setattr(rp_interp_of(self), self, name, value);
}

static const rc_protocol cell_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = cell_repr,
    .getattr = cell_getattr,
    .setattr = cell_setattr,
};

const rc_type rp_cell_type = {
    .name = "cell",
    .basicsize = sizeof(rp_cell),
    .flags = RC_TYPE_GC,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .protocol = &cell_protocol,
};

static rc_object *get_cell_contents(rp_interp *ip, rc_object *self) {
    rc_object *ref = ((rp_cell *)self)->ref;
    if (!ref) {
        rp_raise(ip, ip->exc.ValueError, "Cell is empty");
        return NULL;
    }
    rc_incref(ref);
    return ref;
}

static int set_cell_contents(rp_interp *ip, rc_object *self, rc_object *v) {
    replace(&((rp_cell *)self)->ref, v);
    return 0;
}

static const rp_getsetdef cell_getsets[] = {
    {"cell_contents", get_cell_contents, set_cell_contents, NULL},
    {NULL},
};

/* ====================================================================== */
/* Bound methods                                                          */
/* ====================================================================== */

rc_object *rp_method_new(rp_interp *ip, rc_object *func, rc_object *self) {
    rp_method *m = (rp_method *)rc_new(ip->rt, &rp_method_type);
    if (!m)
        return NULL;
    rc_incref(func);
    rc_incref(self);
    m->func = func;
    m->self = self;
    return &m->ob;
}

static int method_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    rp_method *m = (rp_method *)self;
    int r = m->func ? visit(m->func, arg) : 0;
    return r ? r : (m->self ? visit(m->self, arg) : 0);
}

static int method_clear(rc_object *self) {
    rp_method *m = (rp_method *)self;
    rc_object *func = m->func, *obj = m->self;
    m->func = m->self = NULL;
    rc_xdecref(func);
    rc_xdecref(obj);
    return 0;
}

/* self(*args): the function called with self first. Up to 8 arguments go
 * through a buffer on the C stack. */
static rc_object *method_call_slot(rc_object *self, rc_object *const *args,
                                   size_t nargs, rc_object *kwnames) {
    rp_method *m = (rp_method *)self;
    rp_interp *ip = rp_interp_of(self);
    if (!m->func) {
        rp_raise(ip, ip->exc.SystemError, "call of a cleared method");
        return NULL;
    }
    rc_object *small[9], **all = small;
    size_t bytes = (nargs + 1) * sizeof(rc_object *);
    if (nargs + 1 > sizeof small / sizeof small[0] &&
        !(all = rc_malloc(ip->rt, bytes)))
        return NULL;
    all[0] = m->self;
    if (nargs)
        memcpy(all + 1, args, nargs * sizeof(rc_object *));
    rc_object *func = m->func;
    rc_incref(func); /* the method may die during the call */
    rc_object *r = func->type == &rp_function_type
                       ? rp_function_call(ip, func, all, nargs + 1, kwnames)
                       : rp_call(ip, func, all, nargs + 1, kwnames);
    rc_decref(func);
    if (all != small)
        rc_free(ip->rt, all, bytes);
    return r;
}

/* "__qualname__", else "__name__", else "?" of the function. */
static rc_object *method_func_name(rp_interp *ip, rc_object *func) {
    rc_object *names[] = {ip->s.qualname, ip->s.name};
    for (size_t i = 0; i < 2; i++) {
        rc_object *v = NULL;
        int r = rp_getattr_opt(ip, func, names[i], &v);
        if (r < 0)
            return NULL;
        if (r > 0 && rc_is_str(v))
            return v;
        rc_xdecref(v);
    }
    return rp_str(ip, "?");
}

static rc_object *method_repr(rc_object *self) {
    rp_method *m = (rp_method *)self;
    rp_interp *ip = rp_interp_of(self);
    if (!m->func)
        return rp_str(ip, "<bound method of cleared method>");
    rc_object *name = method_func_name(ip, m->func);
    if (!name)
        return NULL;
    rc_object *r = NULL, *srepr = rc_repr(m->self);
    if (srepr)
        r = rc_str_from_format(ip->rt, "<bound method %s of %s>",
                               rc_str_utf8(name), rc_str_utf8(srepr));
    rc_xdecref(srepr);
    rc_decref(name);
    return r;
}

static rc_object *method_richcompare(rc_object *self, rc_object *other,
                                     rc_cmp op) {
    rc_runtime *rt = rc_runtime_of(self);
    if ((op != RC_EQ && op != RC_NE) || other->type != &rp_method_type)
        return rc_notimplemented(rt);
    rp_method *a = (rp_method *)self, *b = (rp_method *)other;
    int eq = a->self == b->self;
    if (eq && a->func != b->func) {
        eq = a->func && b->func ? rc_equal(a->func, b->func) : 0;
        if (eq < 0)
            return NULL;
    }
    return rc_bool_from(rt, op == RC_EQ ? eq : !eq);
}

static int method_hash(rc_object *self, int64_t *out) {
    rp_method *m = (rp_method *)self;
    int64_t h = 0;
    if (m->func && rc_hash(m->func, &h) < 0)
        return -1;
    h ^= m->self ? rc_hash_identity(m->self) : 0;
    *out = h == -1 ? -2 : h;
    return 0;
}

/* Attributes: __self__/__func__/__doc__ are the method's own; any other
 * is read from the function (m.__name__ is m.__func__.__name__). */
static rc_object *method_getattr(rc_object *self, rc_object *name) {
    rp_interp *ip = rp_interp_of(self);
    rp_method *m = (rp_method *)self;
    if (rp_class_lookup(ip->cls.method, name) || !m->func)
        return rp_generic_getattr(ip, self, name);
    return rp_getattr(ip, m->func, name);
}

static int method_setattr(rc_object *self, rc_object *name, rc_object *value) {
    rp_interp *ip = rp_interp_of(self);
    if (is_data_descr(ip->cls.method, name))
        return rp_generic_setattr(ip, self, name, value);
    return rp_raise(ip, ip->exc.AttributeError,
                    "'method' object has no attribute '%s'", rc_str_utf8(name));
}

static int method_delattr(rc_object *self, rc_object *name) {
    return method_setattr(self, name, NULL);
}

static const rc_protocol method_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = method_repr,
    .hash = method_hash,
    .richcompare = method_richcompare,
    .call = method_call_slot,
    .getattr = method_getattr,
    .setattr = method_setattr,
    .delattr = method_delattr,
};

const rc_type rp_method_type = {
    .name = "method",
    .basicsize = sizeof(rp_method),
    .flags = RC_TYPE_GC,
    .traverse = method_traverse,
    .clear = method_clear,
    .protocol = &method_protocol,
};

static rc_object *get_self(rp_interp *ip, rc_object *self) {
    return new_ref_or_none(ip, ((rp_method *)self)->self);
}
static rc_object *get_func(rp_interp *ip, rc_object *self) {
    return new_ref_or_none(ip, ((rp_method *)self)->func);
}
static rc_object *get_method_doc(rp_interp *ip, rc_object *self) {
    rc_object *func = ((rp_method *)self)->func;
    return func ? rp_getattr(ip, func, ip->s.doc) : rp_none(ip);
}

static const rp_getsetdef method_getsets[] = {
    {"__self__", get_self, NULL, "the instance the method is bound to"},
    {"__func__", get_func, NULL, "the function called"},
    {"__doc__", get_method_doc, NULL, NULL},
    {NULL},
};

/* ====================================================================== */
/* Registration                                                           */
/* ====================================================================== */

static rp_class *builtin_class(rp_interp *ip, const char *name,
                               const rc_type *type,
                               const rp_getsetdef *getsets) {
    rp_class *cls =
        rp_class_new_builtin(ip, name, type, ip->cls.object, NULL, NULL, 0);
    if (cls && getsets && rp_class_add_getsets(ip, cls, getsets) < 0)
        return NULL;
    return cls;
}

int rp_init_funcs(rp_interp *ip) {
    if (!(ip->cls.function =
              builtin_class(ip, "function", &rp_function_type, func_getsets)) ||
        !(ip->cls.cell =
              builtin_class(ip, "cell", &rp_cell_type, cell_getsets)) ||
        !(ip->cls.method =
              builtin_class(ip, "method", &rp_method_type, method_getsets)) ||
        !(ip->cls.code = builtin_class(ip, "code", &rp_code_type, NULL)))
        return -1;
    ip->cls.function->get = func_descr_get;
    if (rp_init_code(ip) < 0 || rp_init_frame_class(ip) < 0 ||
        rp_init_gen_class(ip) < 0)
        return -1;
    return 0;
}
