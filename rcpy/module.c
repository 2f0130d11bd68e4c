/*
 * module.c — the module kind, and the modules every interpreter starts
 * with: builtins, __main__ and the sys.modules dict that holds them.
 *
 * A module is a name and a dict: the dict is the globals of the module's
 * code, so attribute access is a lookup in it (then the module class's own
 * attributes, then a __getattr__ function the module defines, PEP 562).
 * Invariant: dict is a dict for every module alive (clear leaves an empty
 * one in place so that code still running in the module finds its
 * globals); name is the str the module was made with.
 */
#include "front.h"

#include <string.h>

#define MOD(o) ((rp_module *)(o))

/* ====================================================================== */
/* The kind                                                               */
/* ====================================================================== */

static int module_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    if (MOD(self)->dict) {
        int r = visit(MOD(self)->dict, arg);
        if (r)
            return r;
    }
    return MOD(self)->name ? visit(MOD(self)->name, arg) : 0;
}

static int module_clear(rc_object *self) {
    rc_object *d = MOD(self)->dict;
    MOD(self)->dict = NULL;
    rc_xdecref(d);
    return 0;
}

static void module_dealloc(rc_object *self) {
    module_clear(self);
    rc_object *n = MOD(self)->name;
    MOD(self)->name = NULL;
    rc_xdecref(n);
}

const char *rp_module_name(rc_object *module) {
    rc_object *n = MOD(module)->name;
    return n ? rc_str_utf8(n) : "?";
}

/* The module's dict as C code sees it: never NULL (an empty one is made
 * after the collector cleared the module). */
static rc_object *module_dict(rc_object *self) {
    if (!MOD(self)->dict)
        MOD(self)->dict = rc_dict_new(rc_runtime_of(self));
    return MOD(self)->dict;
}

static rc_object *module_repr(rc_object *self) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *d = module_dict(self);
    rc_object *file = d ? rc_dict_getitem(d, ip->s.file) : NULL;
    const char *name = rp_module_name(self);
    if (file && rc_is_str(file))
        return rc_str_from_format(ip->rt, "<module '%s' from '%s'>", name,
                                  rc_str_utf8(file));
    if (file && d && rc_dict_getitem(d, ip->s.path)) /* PEP 420 */
        return rc_str_from_format(ip->rt, "<module '%s' (namespace)>", name);
    for (const rp_builtin_module *b = rp_builtin_modules; b->name; b++)
        if (strcmp(b->name, name) == 0 || strcmp(name, "builtins") == 0)
            return rc_str_from_format(ip->rt, "<module '%s' (built-in)>", name);
    size_t len;
    if (rp_lib_source(name, &len))
        return rc_str_from_format(ip->rt, "<module '%s' (frozen)>", name);
    return rc_str_from_format(ip->rt, "<module '%s'>", name);
}

static int no_attribute(rp_interp *ip, rc_object *self, rc_object *name) {
    return rp_raise_attribute_error(ip, self, name,
                                    "module '%s' has no attribute '%s'",
                                    rp_module_name(self), rc_str_utf8(name));
}

/* m.x: the module's dict, then the module class (__dict__, __class__,
 * __repr__ ...), then the module's own __getattr__ (PEP 562). */
static rc_object *module_getattr(rc_object *self, rc_object *name) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *d = module_dict(self);
    rc_object *v = NULL;
    int found = d ? rc_dict_lookup(d, name, &v) : RC_ENOMEM;
    if (found < 0)
        return NULL;
    if (found) {
        rc_incref(v);
        return v;
    }
    v = rp_generic_getattr(ip, self, name);
    if (v || !rp_err_matches(ip, ip->exc.AttributeError))
        return v;
    rp_err_clear(ip);
    rc_object *hook = rc_dict_getitem(d, ip->s.getattr);
    if (hook)
        return rp_call1(ip, hook, name);
    no_attribute(ip, self, name);
    return NULL;
}

static int module_setattr(rc_object *self, rc_object *name, rc_object *value) {
    rc_object *d = module_dict(self);
    return d ? rc_dict_setitem(d, name, value) : RC_ENOMEM;
}

static int module_delattr(rc_object *self, rc_object *name) {
    rp_interp *ip = rp_interp_of(self);
    rc_object *d = module_dict(self);
    rc_object *v = NULL;
    int found = d ? rc_dict_lookup(d, name, &v) : RC_ENOMEM;
    if (found < 0)
        return found;
    if (!found)
        return no_attribute(ip, self, name);
    return rc_dict_delitem(d, name);
}

static const rc_protocol module_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
    .delattr = module_delattr,
};

const rc_type rp_module_type = {
    .name = "module",
    .basicsize = sizeof(rp_module),
    .flags = RC_TYPE_GC,
    .traverse = module_traverse,
    .clear = module_clear,
    .dealloc = module_dealloc,
    .protocol = &module_protocol,
};

/* ====================================================================== */
/* Making modules                                                         */
/* ====================================================================== */

static rc_object *module_from_name(rp_interp *ip, rc_object *name) {
    rc_object *dict = rc_dict_new(ip->rt);
    if (!dict)
        return NULL;
    const struct {
        rc_object *key, *value;
    } init[] = {
        {ip->s.name, name},        {ip->s.doc, ip->none},
        {ip->s.package, ip->none}, {ip->s.loader, ip->none},
        {ip->s.spec, ip->none},
    };
    for (size_t i = 0; i < sizeof init / sizeof init[0]; i++)
        if (rc_dict_setitem(dict, init[i].key, init[i].value) < 0) {
            rc_decref(dict);
            return NULL;
        }
    rc_object *m = rc_new(ip->rt, &rp_module_type);
    if (!m) {
        rc_decref(dict);
        return NULL;
    }
    rc_incref(name);
    MOD(m)->name = name;
    MOD(m)->dict = dict;
    return m;
}

rc_object *rp_module_new(rp_interp *ip, const char *name) {
    rc_object *n = rp_str(ip, name);
    if (!n)
        return NULL;
    rc_object *m = module_from_name(ip, n);
    rc_decref(n);
    return m;
}

int rp_module_add_object(rp_interp *ip, rc_object *module, const char *name,
                         rc_object *value) {
    if (!value)
        return rc_last_error(ip->rt) ? rc_last_error(ip->rt) : RC_ENOMEM;
    rc_object *key = rc_str_intern(ip->rt, name);
    rc_object *d = module_dict(module);
    int r = key && d ? rc_dict_setitem(d, key, value) : RC_ENOMEM;
    rc_xdecref(key);
    rc_decref(value);
    return r;
}

int rp_module_add_functions(rp_interp *ip, rc_object *module,
                            const rp_methoddef *defs) {
    for (; defs->name; defs++) {
        int r = rp_module_add_object(ip, module, defs->name,
                                     rp_builtin_new(ip, defs, module));
        if (r < 0)
            return r;
    }
    return 0;
}

/* ModuleType(name, doc=None) */
static rc_object *module_class_new(rp_interp *ip, rp_class *cls,
                                   rc_object *const *args, size_t nargs,
                                   rc_object *kwnames) {
    (void)cls;
    static const char *const names[] = {"name", "doc", NULL};
    static const rp_argspec spec = {"module", names, 1, 2, 0};
    rc_object *a[2];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!rc_is_str(a[0])) {
        rp_raise(ip, ip->exc.TypeError,
                 "module.__init__() argument 'name' must be str, not %s",
                 rc_type_name(a[0]));
        return NULL;
    }
    rc_object *m = module_from_name(ip, a[0]);
    if (m && a[1] && rc_dict_setitem(MOD(m)->dict, ip->s.doc, a[1]) < 0) {
        rc_decref(m);
        return NULL;
    }
    return m;
}

static rc_object *module_get_dict(rp_interp *ip, rc_object *self) {
    rc_object *d = module_dict(self);
    if (!d)
        return NULL;
    (void)ip;
    rc_incref(d);
    return d;
}

/* module.__dir__(): the module's own __dir__ function when its dict has
 * one (PEP 562), else a list of the dict's keys (dir() sorts it), as
 * CPython's module_dir — not object's attributes plus the class's. */
static rc_object *module_dir(rp_interp *ip, rc_object *self,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "__dir__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *d = module_dict(self), *name = rp_str(ip, "__dir__"), *f;
    int found = d && name ? rc_dict_lookup(d, name, &f) : -1;
    rc_xdecref(name);
    if (found > 0) {
        rc_incref(f); /* the call may change the dict */
        rc_object *r = rp_call0(ip, f);
        rc_decref(f);
        return r;
    }
    rc_object *keys = found == 0 ? rc_list_new(ip->rt) : NULL;
    size_t pos = 0;
    rc_object *k;
    while (keys && rc_dict_next(d, &pos, &k, NULL))
        if (rc_list_append(keys, k) < 0) {
            rc_decref(keys);
            keys = NULL;
        }
    return keys;
}

static const rp_methoddef module_methods[] = {
    {"__dir__", module_dir, 0,
     "Standard dir() on modules: the module's names."},
    {NULL, NULL, 0, NULL},
};

static const rp_getsetdef module_getsets[] = {
    {"__dict__", module_get_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ====================================================================== */
/* The modules every interpreter has                                      */
/* ====================================================================== */

static int add_module(rp_interp *ip, rc_object *m) {
    return rc_dict_setitem(ip->modules, MOD(m)->name, m);
}

/* The exception classes are builtins, with CPython's aliases. */
static int add_exceptions(rp_interp *ip, rc_object *builtins) {
#define RP_EXC_ADD(field, name, base)                                          \
    rc_incref(&ip->exc.field->ob);                                             \
    if (rp_module_add_object(ip, builtins, name, &ip->exc.field->ob) < 0)      \
        return -1;
    RP_EXCEPTIONS(RP_EXC_ADD)
#undef RP_EXC_ADD
    const char *aliases[] = {"EnvironmentError", "IOError"};
    for (size_t i = 0; i < 2; i++) {
        rc_incref(&ip->exc.OSError->ob);
        if (rp_module_add_object(ip, builtins, aliases[i],
                                 &ip->exc.OSError->ob) < 0)
            return -1;
    }
    return 0;
}

static int make_main(rp_interp *ip, rc_object *builtins) {
    ip->main = rp_module_new(ip, "__main__");
    if (!ip->main || add_module(ip, ip->main) < 0)
        return -1;
    rc_incref(builtins);
    return rp_module_add_object(ip, ip->main, "__builtins__", builtins);
}

int rp_init_modules(rp_interp *ip) {
    ip->cls.module =
        rp_class_new_builtin(ip, "module", &rp_module_type, ip->cls.object,
                             module_methods, module_class_new, RP_CLS_BASETYPE);
    if (!ip->cls.module ||
        rp_class_add_getsets(ip, ip->cls.module, module_getsets) < 0)
        return -1;
    ip->modules = rc_dict_new(ip->rt);
    ip->path = rc_list_new(ip->rt);
    if (!ip->modules || !ip->path)
        return -1;
    rc_object *builtins = rp_module_new(ip, "builtins");
    if (!builtins)
        return -1;
    ip->builtins = MOD(builtins)->dict;
    rc_incref(ip->builtins);
    int r = add_module(ip, builtins);
    if (r == 0)
        r = add_exceptions(ip, builtins);
    if (r == 0)
        r = make_main(ip, builtins);
    rc_decref(builtins);
    if (r < 0)
        return r;
    rc_object *p0 = rp_str(ip, ip->cfg.path0 ? ip->cfg.path0 : "");
    r = p0 ? rc_list_append(ip->path, p0) : RC_ENOMEM;
    rc_xdecref(p0);
    return r;
}

/* ====================================================================== */
/* Shutdown (CPython 3.11's finalize_modules)                             */
/* ====================================================================== */

/* Sets a module's globals to None as CPython's module clearing does: names
 * starting with one underscore first, then the rest, __builtins__ kept.
 * Keys are snapshotted: a finalizer may change the globals. */
static void clear_module_dict(rp_interp *ip, rc_object *dict) {
    for (int pass = 0; pass < 2; pass++) {
        rc_object *keys = rc_list_new(ip->rt);
        rc_object *k, *v;
        for (size_t pos = 0; keys && rc_dict_next(dict, &pos, &k, &v);) {
            const char *name = rc_is_str(k) ? rc_str_utf8(k) : "";
            bool under = name[0] == '_' && name[1] != '_';
            if (under == (pass == 0) && k != ip->s.builtins &&
                rc_list_append(keys, k) < 0)
                break;
        }
        for (size_t i = 0; keys && i < rc_list_size(keys); i++) {
            rc_object *key = rc_list_get(keys, (ptrdiff_t)i);
            if (rc_dict_getitem(dict, key) &&
                rc_dict_setitem(dict, key, ip->none) < 0)
                rp_err_clear(ip);
        }
        rc_xdecref(keys);
        rp_err_clear(ip);
    }
}

/* Takes every module but sys and builtins out of sys.modules (and drops
 * ip->main): a list of weak references to them, in import order. */
static rc_object *remove_modules(rp_interp *ip) {
    rc_object *weak = rc_list_new(ip->rt);
    rc_object *names = weak ? rc_list_new(ip->rt) : NULL;
    rc_object *k, *m;
    for (size_t pos = 0; names && rc_dict_next(ip->modules, &pos, &k, &m);) {
        if (m == ip->sysmod || m->type != &rp_module_type ||
            MOD(m)->dict == ip->builtins)
            continue;
        rc_object *w = rc_weakref_new(ip->rt, m, NULL, NULL);
        if (!w || rc_list_append(weak, w) < 0 || rc_list_append(names, k) < 0)
            rp_err_clear(ip);
        rc_xdecref(w);
    }
    for (size_t i = 0; names && i < rc_list_size(names); i++)
        if (rc_dict_delitem(ip->modules, rc_list_get(names, (ptrdiff_t)i)) < 0)
            rp_err_clear(ip);
    rc_xdecref(names);
    rc_object *main = ip->main;
    ip->main = NULL;
    rc_xdecref(main);
    return weak;
}

/* The program's modules leave sys.modules and a collection runs while sys
 * and builtins still work, so objects that only the modules kept alive
 * are finalized with their globals intact (__del__ can print, read
 * globals); the modules still alive after that have their globals set to
 * None, last imported first, and a last collection follows. gc.callbacks
 * are not called from here on (rp_front.finalizing), as in CPython. */
void rp_modules_finalize(rp_interp *ip) {
    if (!ip->modules)
        return;
    if (ip->front)
        ip->front->finalizing = true;
    rc_object *weak = remove_modules(ip);
    rp_err_clear(ip);
    rc_gc_collect(ip->rt, 2);
    rp_err_clear(ip);
    for (size_t i = weak ? rc_list_size(weak) : 0; i-- > 0;) {
        rc_object *m = rc_weakref_get(rc_list_get(weak, (ptrdiff_t)i));
        if (m && MOD(m)->dict)
            clear_module_dict(ip, MOD(m)->dict);
        rc_xdecref(m);
    }
    rc_xdecref(weak);
    rc_gc_collect(ip->rt, 2);
    rp_err_clear(ip);
}
