/*
 * mod_sys.c — the sys module.
 *
 * sys is made at start-up (rp_init_sys) and put in sys.modules, so
 * `import sys` finds it there. Its values come from the interpreter:
 * sys.modules and sys.path are ip->modules and ip->path themselves,
 * recursion limits are rcgc's counter, getrefcount is the count rcgc
 * keeps (the caller's stack holds the argument while the call runs, as in
 * CPython 3.11, so a fresh object bound to one name shows 2). Invariant:
 * ip->sysmod's dict holds stdout/stderr/stdin (replaceable by programs)
 * and __stdout__/__stderr__/__stdin__ (the originals).
 */
#define _POSIX_C_SOURCE 200809L /* readlink */
#include "front.h"

#include <limits.h>
#include <string.h>
#include <unistd.h>

#define MOD(o) ((rp_module *)(o))

rc_object *rp_sys_get(rp_interp *ip, const char *name) {
    if (!ip->sysmod || !MOD(ip->sysmod)->dict)
        return NULL;
    rc_object *key = rc_str_intern(ip->rt, name);
    if (!key) {
        rp_err_clear(ip);
        return NULL;
    }
    rc_object *v = rc_dict_getitem(MOD(ip->sysmod)->dict, key);
    rc_decref(key);
    return v;
}

/* ====================================================================== */
/* Objects and references                                                 */
/* ====================================================================== */

static rc_object *sys_getrefcount(rp_interp *ip, rc_object *self,
                                  rc_object *const *args, size_t nargs,
                                  rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "sys.getrefcount", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return rc_int_from_u64(ip->rt, rc_refcnt(args[0]));
}

/* A class's own __sizeof__ written in Python (the builtin default is
 * rcgc's measure). New reference, or NULL without an error. */
static rc_object *user_sizeof(rp_interp *ip, rc_object *o) {
    if (!(o->type->flags & RC_TYPE_HEAP))
        return NULL;
    rc_object *name = rc_str_intern(ip->rt, "__sizeof__");
    rc_object *m = name ? rp_class_lookup(rp_type_of(o), name) : NULL;
    rc_xdecref(name);
    if (!m || m->type != &rp_function_type)
        return NULL;
    return rp_lookup_special(ip, o, name);
}

/* getsizeof: __sizeof__() plus the collector's header as CPython 3.11
 * counts it, or rcgc's own measure of the object. */
static int sizeof_of(rp_interp *ip, rc_object *o, int64_t *out) {
    rc_object *meth = user_sizeof(ip, o);
    if (!meth) {
        rp_err_clear(ip);
        *out = (int64_t)rc_sizeof(o);
        return 0;
    }
    rc_object *r = rp_call0(ip, meth);
    rc_decref(meth);
    if (!r)
        return -1;
    int st = rc_is_int(r) ? rc_int_to_i64(r, out) : -1;
    rc_decref(r);
    if (st < 0)
        return rp_raise(ip, ip->exc.TypeError, "an integer is required");
    if (*out < 0)
        return rp_raise(ip, ip->exc.ValueError,
                        "__sizeof__() should return >= 0");
    if (o->type->flags & RC_TYPE_GC)
        *out += (o->type->flags & RC_TYPE_HEAP) ? 32 : 16;
    return 0;
}

static rc_object *sys_getsizeof(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    (void)self;
    static const char *const names[] = {"object", "default", NULL};
    static const rp_argspec spec = {"getsizeof", names, 1, 2, 0};
    rc_object *a[2];
    if (rp_parse_args(ip, &spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int64_t size;
    if (sizeof_of(ip, a[0], &size) == 0)
        return rc_int_from_i64(ip->rt, size);
    if (a[1] && rp_err_matches(ip, ip->exc.TypeError)) {
        rp_err_clear(ip);
        rc_incref(a[1]);
        return a[1];
    }
    return NULL;
}

static rc_object *sys_intern(rp_interp *ip, rc_object *self,
                             rc_object *const *args, size_t nargs,
                             rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "intern", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!rc_is_str(args[0])) {
        rp_raise(ip, ip->exc.TypeError, "intern() argument must be str, not %s",
                 rc_type_name(args[0]));
        return NULL;
    }
    return rc_str_intern_object(args[0]);
}

static rc_object *sys_getframe(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    (void)self;
    int64_t depth = 0;
    if (rp_check_args(ip, "_getframe", nargs, kwnames, 0, 1) < 0 ||
        (nargs && rp_index(ip, args[0], &depth) < 0))
        return NULL;
    rp_frame *f = ip->frame;
    for (; f && depth > 0; depth--)
        f = f->previous;
    if (!f || depth < 0) {
        rp_raise(ip, ip->exc.ValueError, "call stack is not deep enough");
        return NULL;
    }
    return rp_frame_object(ip, f);
}

/* ====================================================================== */
/* Exiting, limits, exceptions                                            */
/* ====================================================================== */

static rc_object *sys_exit(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "exit", nargs, kwnames, 0, 1) < 0)
        return NULL;
    rc_object *exc = rp_call(ip, &ip->exc.SystemExit->ob, args, nargs, NULL);
    if (exc) {
        rp_err_set(ip, exc);
        rc_decref(exc);
    }
    return NULL;
}

static rc_object *sys_getrecursionlimit(rp_interp *ip, rc_object *self,
                                        rc_object *const *args, size_t nargs,
                                        rc_object *kwnames) {
    (void)self, (void)args;
    if (rp_check_args(ip, "getrecursionlimit", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rc_int_from_i64(ip->rt, rc_get_recursion_limit(ip->rt));
}

static rc_object *sys_setrecursionlimit(rp_interp *ip, rc_object *self,
                                        rc_object *const *args, size_t nargs,
                                        rc_object *kwnames) {
    (void)self;
    int64_t limit;
    if (rp_check_args(ip, "setrecursionlimit", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (rc_is_float(args[0])) {
        rp_raise(ip, ip->exc.TypeError,
                 "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    if (rp_index(ip, args[0], &limit) < 0)
        return NULL;
    if (limit < 1) {
        rp_raise(ip, ip->exc.ValueError,
                 "recursion limit must be greater or equal than 1");
        return NULL;
    }
    unsigned depth = rc_recursion_depth(ip->rt);
    if ((uint64_t)limit <= depth) {
        rp_raise(ip, ip->exc.RecursionError,
                 "cannot set the recursion limit to %lld at the recursion "
                 "depth %u: the limit is too low",
                 (long long)limit, depth);
        return NULL;
    }
    if (rc_set_recursion_limit(ip->rt,
                               limit > 1000000 ? 1000000 : (unsigned)limit) < 0)
        return NULL;
    return rp_none(ip);
}

static rc_object *handled(rp_interp *ip) {
    rc_object *e = ip->exc_info;
    return e && !rc_is_none(e) ? e : NULL;
}

static rc_object *sys_exc_info(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    (void)self, (void)args;
    if (rp_check_args(ip, "exc_info", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *e = handled(ip);
    if (!e)
        return rc_tuple_pack(ip->rt, 3, ip->none, ip->none, ip->none);
    rc_object *tb = ((rp_exc *)e)->traceback;
    return rc_tuple_pack(ip->rt, 3, &rp_type_of(e)->ob, e, tb ? tb : ip->none);
}

static rc_object *sys_exception(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    (void)self, (void)args;
    if (rp_check_args(ip, "exception", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *e = handled(ip);
    e = e ? e : ip->none;
    rc_incref(e);
    return e;
}

/* ====================================================================== */
/* Hooks                                                                  */
/* ====================================================================== */

/* sys.displayhook: repr(value) on stdout, kept as builtins._ */
static rc_object *sys_displayhook(rp_interp *ip, rc_object *self,
                                  rc_object *const *args, size_t nargs,
                                  rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "displayhook", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (rc_is_none(args[0]))
        return rp_none(ip);
    rc_object *us = rc_str_intern(ip->rt, "_");
    if (!us || rc_dict_setitem(ip->builtins, us, ip->none) < 0) {
        rc_xdecref(us);
        return NULL;
    }
    rc_object *r = rc_repr(args[0]);
    rc_object *out = rp_sys_get(ip, "stdout");
    int st = -1;
    if (!r)
        st = -1;
    else if (!out || rc_is_none(out))
        st = rp_raise(ip, ip->exc.RuntimeError, "lost sys.stdout");
    else if ((st = rp_file_write(ip, out, r)) == 0)
        st = rp_file_write_cstr(ip, out, "\n");
    if (st == 0)
        st = rc_dict_setitem(ip->builtins, us, args[0]);
    rc_xdecref(r);
    rc_decref(us);
    return st < 0 ? NULL : rp_none(ip);
}

static rc_object *sys_excepthook(rp_interp *ip, rc_object *self,
                                 rc_object *const *args, size_t nargs,
                                 rc_object *kwnames) {
    (void)self;
    if (rp_check_args(ip, "excepthook", nargs, kwnames, 3, 3) < 0)
        return NULL;
    rc_object *exc = args[1], *tb = args[2];
    /* a traceback given is the one printed (None leaves exc's own) */
    bool swap = rp_is_exc(ip, exc) && tb->type == &rp_traceback_type;
    rp_exc *e = (rp_exc *)exc;
    rc_object *saved = swap ? e->traceback : NULL;
    if (swap) {
        e->traceback = tb;
        rc_incref(tb);
    }
    rp_print_exception(ip, exc, NULL);
    if (swap) {
        rc_object *printed = e->traceback;
        e->traceback = saved;
        rc_xdecref(printed);
    }
    return rp_none(ip);
}

static rc_object *sys_getdefaultencoding(rp_interp *ip, rc_object *self,
                                         rc_object *const *args, size_t nargs,
                                         rc_object *kwnames) {
    (void)self, (void)args;
    if (rp_check_args(ip, "getdefaultencoding", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return rp_str(ip, "utf-8");
}

static rc_object *sys_debugmallocstats(rp_interp *ip, rc_object *self,
                                       rc_object *const *args, size_t nargs,
                                       rc_object *kwnames) {
    (void)self, (void)args;
    if (rp_check_args(ip, "_debugmallocstats", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *out = rp_sys_get(ip, "stdout");
    if (out && rp_file_flush(ip, out) < 0)
        rp_err_clear(ip);
    rc_mem_print_stats(ip->rt, stderr);
    return rp_none(ip);
}

static const rp_methoddef sys_functions[] = {
    {"getrefcount", sys_getrefcount, 0, NULL},
    {"getsizeof", sys_getsizeof, 0, NULL},
    {"intern", sys_intern, 0, NULL},
    {"_getframe", sys_getframe, 0, NULL},
    {"exit", sys_exit, 0, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, 0, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, 0, NULL},
    {"exc_info", sys_exc_info, 0, NULL},
    {"exception", sys_exception, 0, NULL},
    {"displayhook", sys_displayhook, 0, NULL},
    {"excepthook", sys_excepthook, 0, NULL},
    {"__displayhook__", sys_displayhook, 0, NULL},
    {"__excepthook__", sys_excepthook, 0, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, 0, NULL},
    {"getfilesystemencoding", sys_getdefaultencoding, 0, NULL},
    {"_debugmallocstats", sys_debugmallocstats, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ====================================================================== */
/* Values                                                                 */
/* ====================================================================== */

/* A types.SimpleNamespace-like object with the given attributes. */
static rc_object *namespace_new(rp_interp *ip, const char *clsname,
                                const char *const *names,
                                rc_object *const *values, size_t n) {
    rc_object *name = rp_str(ip, clsname);
    rc_object *bases = rc_tuple_pack(ip->rt, 1, &ip->cls.object->ob);
    rc_object *ns = rc_dict_new(ip->rt);
    rc_object *mod = rp_str(ip, "sys");
    rc_object *cls = NULL, *obj = NULL;
    if (name && bases && ns && mod &&
        rc_dict_setitem(ns, ip->s.module, mod) == 0)
        cls = rp_class_new(ip, name, bases, ns);
    if (cls)
        obj = rp_call0(ip, cls);
    for (size_t i = 0; obj && i < n; i++) {
        rc_object *k = rc_str_intern(ip->rt, names[i]);
        if (!k || !values[i] || rp_setattr(ip, obj, k, values[i]) < 0) {
            rc_decref(obj);
            obj = NULL;
        }
        rc_xdecref(k);
    }
    rc_object *drop[] = {name, bases, ns, mod, cls};
    for (size_t i = 0; i < 5; i++)
        rc_xdecref(drop[i]);
    return obj;
}

/* ---------------------------------------------------------------------- */
/* sys.version_info and sys.flags: tuples with named fields (CPython's    */
/* struct sequences)                                                      */
/* ---------------------------------------------------------------------- */

typedef struct seqtype {
    rc_type type;              /* first: an object's type is its seqtype */
    const char *repr_name;     /* "sys.version_info" */
    const char *const *fields; /* NULL-terminated */
} seqtype;

typedef struct structseq {
    rc_object ob;
    rc_object *items; /* a tuple, one item per field */
} structseq;

#define SEQ(o) ((structseq *)(o))

static void seq_dealloc(rc_object *self) {
    rc_xdecref(SEQ(self)->items);
    SEQ(self)->items = NULL;
}

static rc_object *seq_repr(rc_object *self) {
    const seqtype *t = (const seqtype *)self->type;
    rc_runtime *rt = rc_runtime_of(self);
    rc_object *r = rc_str_from_format(rt, "%s(", t->repr_name);
    for (size_t i = 0; r && t->fields[i]; i++) {
        rc_object *v = rc_repr(rc_tuple_get(SEQ(self)->items, i));
        rc_object *n =
            v ? rc_str_from_format(rt, "%s%s%s=%s", rc_str_utf8(r),
                                   i ? ", " : "", t->fields[i], rc_str_utf8(v))
              : NULL;
        rc_xdecref(v);
        rc_decref(r);
        r = n;
    }
    rc_object *done = r ? rc_str_from_format(rt, "%s)", rc_str_utf8(r)) : NULL;
    rc_xdecref(r);
    return done;
}

static bool is_structseq(const rc_object *o);

static rc_object *seq_richcompare(rc_object *self, rc_object *other,
                                  rc_cmp op) {
    rc_object *b = is_structseq(other) ? SEQ(other)->items : other;
    if (!rc_is_tuple(b))
        return rc_notimplemented(rc_runtime_of(self));
    return rc_richcompare(SEQ(self)->items, b, op);
}

static int seq_hash(rc_object *self, int64_t *out) {
    return rc_hash(SEQ(self)->items, out);
}
static ptrdiff_t seq_len(rc_object *self) {
    return rc_len(SEQ(self)->items);
}
static rc_object *seq_getitem(rc_object *self, rc_object *key) {
    return rc_getitem(SEQ(self)->items, key);
}
static rc_object *seq_iter(rc_object *self) {
    return rc_iter(SEQ(self)->items);
}

/* A field by name, else the class's attributes (count, index, ...). */
static rc_object *seq_getattr(rc_object *self, rc_object *name) {
    const seqtype *t = (const seqtype *)self->type;
    for (size_t i = 0; t->fields[i]; i++)
        if (strcmp(t->fields[i], rc_str_utf8(name)) == 0) {
            rc_object *v = rc_tuple_get(SEQ(self)->items, i);
            rc_incref(v);
            return v;
        }
    return rp_generic_getattr(rp_interp_of(self), self, name);
}

static const rc_protocol seq_protocol = {
    .version = RC_PROTOCOL_VERSION,
    .repr = seq_repr,
    .hash = seq_hash,
    .richcompare = seq_richcompare,
    .len = seq_len,
    .getitem = seq_getitem,
    .iter = seq_iter,
    .getattr = seq_getattr,
};

static const char *const version_fields[] = {"major",        "minor",  "micro",
                                             "releaselevel", "serial", NULL};
static const char *const flags_fields[] = {"debug",
                                           "inspect",
                                           "interactive",
                                           "optimize",
                                           "dont_write_bytecode",
                                           "no_user_site",
                                           "no_site",
                                           "ignore_environment",
                                           "verbose",
                                           "bytes_warning",
                                           "quiet",
                                           "hash_randomization",
                                           "isolated",
                                           "dev_mode",
                                           "utf8_mode",
                                           "warn_default_encoding",
                                           "safe_path",
                                           "int_max_str_digits",
                                           NULL};

#define SEQTYPE(cname, fields)                                                 \
    {                                                                          \
        {.name = cname,                                                        \
         .basicsize = sizeof(structseq),                                       \
         .dealloc = seq_dealloc,                                               \
         .protocol = &seq_protocol},                                           \
            "sys." cname, fields                                               \
    }

static const seqtype version_info_type =
    SEQTYPE("version_info", version_fields);
static const seqtype flags_type = SEQTYPE("flags", flags_fields);

static bool is_structseq(const rc_object *o) {
    return o->type == &version_info_type.type || o->type == &flags_type.type;
}

/* A struct sequence of type t holding items (a tuple, stolen). */
static rc_object *structseq_new(rp_interp *ip, const seqtype *t,
                                rc_object *items) {
    rc_object *o = items ? rc_new(ip->rt, &t->type) : NULL;
    if (!o) {
        rc_xdecref(items);
        return NULL;
    }
    SEQ(o)->items = items;
    return o;
}

static int init_structseq_classes(rp_interp *ip) {
    const seqtype *types[] = {&version_info_type, &flags_type};
    for (size_t i = 0; i < 2; i++)
        if (!rp_class_new_builtin(ip, types[i]->type.name, &types[i]->type,
                                  ip->cls.object, NULL, NULL, 0))
            return -1;
    return 0;
}

/* (major, minor, micro, 'final', 0) */
static rc_object *version_tuple(rp_interp *ip, int major, int minor,
                                int micro) {
    rc_object *v[5] = {rc_int_from_i64(ip->rt, major),
                       rc_int_from_i64(ip->rt, minor),
                       rc_int_from_i64(ip->rt, micro), rp_str(ip, "final"),
                       rc_int_from_i64(ip->rt, 0)};
    rc_object *t = v[3] ? rc_tuple_from_array(ip->rt, v, 5) : NULL;
    for (size_t i = 0; i < 5; i++)
        rc_xdecref(v[i]);
    return t;
}

static rc_object *make_implementation(rp_interp *ip) {
    static const char *const names[] = {"name", "cache_tag", "version",
                                        "hexversion", "_multiarch"};
    rc_object *v[5] = {
        rp_str(ip, "rcpy"), rp_none(ip), version_tuple(ip, 0, 1, 0),
        rc_int_from_i64(ip->rt, 0x000100F0), rp_str(ip, "x86_64-linux-gnu")};
    rc_object *o = namespace_new(ip, "implementation", names, v, 5);
    for (size_t i = 0; i < 5; i++)
        rc_xdecref(v[i]);
    return o;
}

static rc_object *make_flags(rp_interp *ip) {
    size_t n = sizeof flags_fields / sizeof flags_fields[0] - 1;
    rc_object *t = rc_tuple_new(ip->rt, n);
    for (size_t i = 0; t && i < n; i++) {
        const char *f = flags_fields[i];
        bool on = ip->cfg.interactive &&
                  (strcmp(f, "inspect") == 0 || strcmp(f, "interactive") == 0);
        rc_object *v;
        if (strcmp(f, "dev_mode") == 0 || strcmp(f, "safe_path") == 0)
            v = rp_bool(ip, false);
        else
            v = rc_int_from_i64(ip->rt,
                                strcmp(f, "int_max_str_digits") == 0 ? -1 : on);
        rc_tuple_init_item(t, i, v);
    }
    return structseq_new(ip, &flags_type, t);
}

static rc_object *make_argv(rp_interp *ip) {
    rc_object *list = rc_list_new(ip->rt);
    for (int i = 0; list && i < ip->cfg.argc; i++) {
        rc_object *s = rp_str(ip, ip->cfg.argv[i]);
        if (!s || rc_list_append(list, s) < 0) {
            rc_xdecref(s);
            rc_decref(list);
            return NULL;
        }
        rc_decref(s);
    }
    if (list && ip->cfg.argc == 0) {
        rc_object *empty = rp_str(ip, "");
        if (!empty || rc_list_append(list, empty) < 0) {
            rc_decref(list);
            list = NULL;
        }
        rc_xdecref(empty);
    }
    return list;
}

static rc_object *make_executable(rp_interp *ip) {
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = '\0';
    return rp_str(ip, buf);
}

static rc_object *builtin_names(rp_interp *ip) {
    size_t n = 0;
    while (rp_builtin_modules[n].name)
        n++;
    rc_object *t = rc_tuple_new(ip->rt, n + 1);
    for (size_t i = 0; t && i <= n; i++) {
        rc_object *s =
            rp_str(ip, i < n ? rp_builtin_modules[i].name : "builtins");
        if (!s) {
            rc_decref(t);
            return NULL;
        }
        rc_tuple_init_item(t, i, s);
    }
    return t;
}

static int add_streams(rp_interp *ip, rc_object *m) {
    const struct {
        const char *name, *dunder, *label, *mode;
        FILE *fp;
    } std[] = {
        {"stdin", "__stdin__", "<stdin>", "r", stdin},
        {"stdout", "__stdout__", "<stdout>", "w", stdout},
        {"stderr", "__stderr__", "<stderr>", "w", stderr},
    };
    for (size_t i = 0; i < 3; i++) {
        rc_object *f = rp_file_from_stream(ip, std[i].fp, std[i].label,
                                           std[i].mode, false);
        if (!f)
            return -1;
        rc_incref(f);
        if (rp_module_add_object(ip, m, std[i].name, f) < 0 ||
            rp_module_add_object(ip, m, std[i].dunder, f) < 0)
            return -1;
    }
    return 0;
}

static int add_values(rp_interp *ip, rc_object *m) {
    char version[96];
    snprintf(version, sizeof version, "%d.%d.0 (rcpy %s)", RP_PY_MAJOR,
             RP_PY_MINOR, RP_VERSION);
    rc_incref(ip->modules);
    rc_incref(ip->path);
    const struct {
        const char *name;
        rc_object *value;
    } values[] = {
        {"modules", ip->modules},
        {"path", ip->path},
        {"argv", make_argv(ip)},
        {"version", rp_str(ip, version)},
        {"version_info",
         structseq_new(ip, &version_info_type,
                       version_tuple(ip, RP_PY_MAJOR, RP_PY_MINOR, 0))},
        {"hexversion", rc_int_from_i64(ip->rt, 0x030B00F0)},
        {"implementation", make_implementation(ip)},
        {"flags", make_flags(ip)},
        {"platform", rp_str(ip, "linux")},
        {"byteorder", rp_str(ip, "little")},
        {"maxsize", rc_int_from_i64(ip->rt, INT64_MAX)},
        {"maxunicode", rc_int_from_i64(ip->rt, 0x10FFFF)},
        {"executable", make_executable(ip)},
        {"prefix", rp_str(ip, "")},
        {"exec_prefix", rp_str(ip, "")},
        {"warnoptions", rc_list_new(ip->rt)},
        {"dont_write_bytecode", rp_bool(ip, false)},
        {"builtin_module_names", builtin_names(ip)},
        {"meta_path", rc_list_new(ip->rt)},
        {"path_hooks", rc_list_new(ip->rt)},
        {"api_version", rc_int_from_i64(ip->rt, 1013)},
    };
    int r = 0;
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        if (r == 0)
            r = rp_module_add_object(ip, m, values[i].name, values[i].value);
        else
            rc_xdecref(values[i].value);
    return r;
}

int rp_init_sys_module(rp_interp *ip, rc_object *module) {
    if (rp_init_files(ip) < 0 || init_structseq_classes(ip) < 0 ||
        rp_module_add_functions(ip, module, sys_functions) < 0 ||
        add_values(ip, module) < 0 || add_streams(ip, module) < 0)
        return -1;
    return 0;
}

int rp_init_sys(rp_interp *ip) {
    rc_object *m = rp_module_new(ip, "sys");
    if (!m)
        return -1;
    ip->sysmod = m;
    if (rc_dict_setitem(ip->modules, MOD(m)->name, m) < 0 ||
        rp_init_sys_module(ip, m) < 0)
        return -1;
    return rp_gc_start(ip);
}
