/*
 * exc.c — the exception classes: BaseException and the builtin hierarchy
 * (RP_EXCEPTIONS in rcpy.h), with the constructors, attributes and str/repr
 * of CPython 3.11.
 *
 * Every exception class is made at run time with the objects part's
 * rp_class_new_with_layout, so it owns the rc_type its instances use and
 * a program's `class MyError(Exception)` is an ordinary subclass. The
 * layout is rp_exc: an rp_inst (instance attributes: StopIteration.value,
 * OSError.errno, SyntaxError.lineno ... live there, set by the
 * constructors) followed by args, __traceback__, __cause__, __context__ and
 * __suppress_context__. Invariant: args is always a tuple (never NULL once
 * an instance is made); traceback, cause and context are NULL or objects of
 * the right kind (a traceback; exception instances), which the setters
 * enforce.
 */
#include "front.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define EXC(o) ((rp_exc *)(o))

/* ====================================================================== */
/* The layout                                                             */
/* ====================================================================== */

static int exc_traverse(rc_object *self, rc_visitproc visit, void *arg) {
    rp_exc *e = EXC(self);
    rc_object *refs[] = {e->args, e->traceback, e->cause, e->context};
    for (size_t i = 0; i < 4; i++)
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r)
                return r;
        }
    return rp_inst_traverse(self, visit, arg);
}

static void drop_fields(rp_exc *e) {
    rc_object *refs[] = {e->args, e->traceback, e->cause, e->context};
    e->args = e->traceback = e->cause = e->context = NULL;
    for (size_t i = 0; i < 4; i++)
        rc_xdecref(refs[i]);
}

static int exc_clear(rc_object *self) {
    drop_fields(EXC(self));
    return rp_inst_clear(self);
}

static void exc_dealloc(rc_object *self) {
    drop_fields(EXC(self));
    rp_inst_dealloc(self);
}

static const rc_type exc_layout = {
    .name = "BaseException",
    .basicsize = sizeof(rp_exc),
    .flags = RC_TYPE_GC,
    .traverse = exc_traverse,
    .clear = exc_clear,
    .dealloc = exc_dealloc,
};

bool rp_is_exc(rp_interp *ip, const rc_object *o) {
    return ip->exc.BaseException && o &&
           rp_is_instance(o, ip->exc.BaseException);
}

rc_object *rp_exc_new(rp_interp *ip, rp_class *cls, rc_object *args) {
    if (!rp_is_subclass(cls, ip->exc.BaseException)) { /* not an rp_exc */
        rp_raise(ip, ip->exc.TypeError,
                 "exceptions must derive from BaseException");
        return NULL;
    }
    rc_object *o = rc_new(ip->rt, cls->itype);
    if (!o)
        return NULL;
    rc_incref(args);
    EXC(o)->args = args;
    return o;
}

/* ====================================================================== */
/* Small helpers                                                          */
/* ====================================================================== */

static int set_attr(rp_interp *ip, rc_object *self, const char *name,
                    rc_object *v) {
    rc_object *n = rc_str_intern(ip->rt, name);
    if (!n)
        return RC_ENOMEM;
    int r = rp_inst_attr_set(ip, self, n, v ? v : ip->none);
    rc_decref(n);
    return r < 0 ? r : 0;
}

rc_object *rp_exc_attr(rp_interp *ip, rc_object *exc, const char *name) {
    rc_object *n = rc_str_intern(ip->rt, name);
    if (!n) {
        rp_err_clear(ip);
        return NULL;
    }
    rc_object *v = rp_inst_attr_get(exc, n);
    rc_decref(n);
    return v;
}

static int set_args(rp_interp *ip, rc_object *self, rc_object *const *args,
                    size_t nargs) {
    rc_object *t = rc_tuple_from_array(ip->rt, args, nargs);
    if (!t)
        return RC_ENOMEM;
    rc_object *old = EXC(self)->args;
    EXC(self)->args = t;
    rc_xdecref(old);
    return 0;
}

static size_t nkw(rc_object *kwnames) {
    return kwnames ? rc_tuple_size(kwnames) : 0;
}

/* Keyword arguments of NameError(name=), AttributeError(name=, obj=),
 * ImportError(name=, path=): each stored as an attribute; another name is
 * CPython's TypeError. */
static int take_keywords(rp_interp *ip, rc_object *self, rc_object *const *args,
                         size_t nargs, rc_object *kwnames,
                         const char *const *allowed) {
    for (size_t i = 0; i < nkw(kwnames); i++) {
        const char *k = rc_str_utf8(rc_tuple_get(kwnames, i));
        size_t j = 0;
        while (allowed[j] && strcmp(allowed[j], k) != 0)
            j++;
        if (!allowed[j])
            return rp_raise(ip, ip->exc.TypeError,
                            "'%s' is an invalid keyword argument for %s()", k,
                            rc_type_name(self));
        if (set_attr(ip, self, k, args[nargs + i]) < 0)
            return -1;
    }
    return 0;
}

static int set_defaults(rp_interp *ip, rc_object *self,
                        const char *const *names) {
    for (size_t j = 0; names[j]; j++)
        if (set_attr(ip, self, names[j], NULL) < 0)
            return -1;
    return 0;
}

static rc_object *done(rp_interp *ip, int r) {
    return r < 0 ? NULL : rp_none(ip);
}

/* ====================================================================== */
/* BaseException                                                          */
/* ====================================================================== */

/* BaseException.__new__: args are every positional argument; keyword
 * arguments are left to __init__. */
static rc_object *exc_new(rp_interp *ip, rp_class *cls, rc_object *const *args,
                          size_t nargs, rc_object *kwnames) {
    (void)kwnames;
    rc_object *t = rc_tuple_from_array(ip->rt, args, nargs);
    if (!t)
        return NULL;
    rc_object *o = rp_exc_new(ip, cls, t);
    rc_decref(t);
    return o;
}

/* BaseException.__init__ and OSError.__init__ take no keywords. */
static int no_keywords(rp_interp *ip, rc_object *self, rc_object *kwnames) {
    if (!nkw(kwnames))
        return 0;
    return rp_raise(ip, ip->exc.TypeError, "%s() takes no keyword arguments",
                    rc_type_name(self));
}

static rc_object *exc_init(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    if (no_keywords(ip, self, kwnames) < 0)
        return NULL;
    return done(ip, set_args(ip, self, args, nargs));
}

/* str(e): '' without arguments, str(arg) for one, str(args) for more. */
static rc_object *exc_str(rp_interp *ip, rc_object *self,
                          rc_object *const *args, size_t nargs,
                          rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "__str__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *a = EXC(self)->args;
    switch (a ? rc_tuple_size(a) : 0) {
    case 0:
        return rp_str(ip, "");
    case 1:
        return rc_str(rc_tuple_get(a, 0));
    default:
        return rc_str(a);
    }
}

/* repr(e): ValueError('x'), ValueError(), Exception(1, 2). */
static rc_object *exc_repr(rp_interp *ip, rc_object *self,
                           rc_object *const *args, size_t nargs,
                           rc_object *kwnames) {
    (void)args;
    if (rp_check_args(ip, "__repr__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    rc_object *a = EXC(self)->args;
    bool one = a && rc_tuple_size(a) == 1;
    rc_object *inner =
        one ? rc_repr(rc_tuple_get(a, 0)) : (a ? rc_repr(a) : rp_str(ip, "()"));
    if (!inner)
        return NULL;
    rc_object *r = rc_str_from_format(ip->rt, one ? "%s(%s)" : "%s%s",
                                      rc_type_name(self), rc_str_utf8(inner));
    rc_decref(inner);
    return r;
}

static bool is_traceback(const rc_object *o) {
    return o->type == &rp_traceback_type;
}

static rc_object *exc_with_traceback(rp_interp *ip, rc_object *self,
                                     rc_object *const *args, size_t nargs,
                                     rc_object *kwnames) {
    if (rp_check_args(ip, "with_traceback", nargs, kwnames, 1, 1) < 0)
        return NULL;
    rc_object *tb = args[0];
    if (!rc_is_none(tb) && !is_traceback(tb)) {
        rp_raise(ip, ip->exc.TypeError,
                 "__traceback__ must be a traceback or None");
        return NULL;
    }
    rc_object *old = EXC(self)->traceback;
    EXC(self)->traceback = rc_is_none(tb) ? NULL : (rc_incref(tb), tb);
    rc_xdecref(old);
    rc_incref(self);
    return self;
}

static rc_object *exc_add_note(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    if (rp_check_args(ip, "add_note", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!rc_is_str(args[0])) {
        rp_raise(ip, ip->exc.TypeError, "note must be a str, not '%s'",
                 rc_type_name(args[0]));
        return NULL;
    }
    rc_object *notes = rp_exc_attr(ip, self, "__notes__");
    if (!notes) {
        rc_object *list = rc_list_new(ip->rt);
        if (!list || set_attr(ip, self, "__notes__", list) < 0) {
            rc_xdecref(list);
            return NULL;
        }
        rc_decref(list);
        notes = list;
    }
    if (!rc_is_list(notes)) {
        rp_raise(ip, ip->exc.TypeError,
                 "Cannot add note: __notes__ is not a list");
        return NULL;
    }
    return done(ip, rc_list_append(notes, args[0]));
}

static const rp_methoddef base_methods[] = {
    {"__init__", exc_init, 0, NULL},
    {"__str__", exc_str, 0, NULL},
    {"__repr__", exc_repr, 0, NULL},
    {"with_traceback", exc_with_traceback, 0,
     "Exception.with_traceback(tb) -- set self.__traceback__ to tb and "
     "return self."},
    {"add_note", exc_add_note, 0,
     "Exception.add_note(note) -- add a note to the exception"},
    {NULL, NULL, 0, NULL},
};

/* ---------------------------------------------------------- getsets */

static rc_object *get_args(rp_interp *ip, rc_object *self) {
    rc_object *a = EXC(self)->args;
    if (!a)
        return rc_tuple_new(ip->rt, 0);
    rc_incref(a);
    return a;
}

static int set_args_attr(rp_interp *ip, rc_object *self, rc_object *v) {
    if (!v)
        return rp_raise(ip, ip->exc.TypeError, "args may not be deleted");
    rc_object *list = rc_list_new(ip->rt);
    if (!list || rc_list_extend(list, v) < 0) {
        rc_xdecref(list);
        return -1;
    }
    size_t n = rc_list_size(list);
    rc_object *t = rc_tuple_new(ip->rt, n);
    for (size_t i = 0; t && i < n; i++) {
        rc_object *item = rc_list_get(list, (ptrdiff_t)i);
        rc_incref(item);
        rc_tuple_init_item(t, i, item);
    }
    rc_decref(list);
    if (!t)
        return -1;
    rc_object *old = EXC(self)->args;
    EXC(self)->args = t;
    rc_xdecref(old);
    return 0;
}

static rc_object *or_none(rp_interp *ip, rc_object *o) {
    if (!o)
        return rp_none(ip);
    rc_incref(o);
    return o;
}

static rc_object *get_traceback(rp_interp *ip, rc_object *self) {
    return or_none(ip, EXC(self)->traceback);
}
static rc_object *get_cause(rp_interp *ip, rc_object *self) {
    return or_none(ip, EXC(self)->cause);
}
static rc_object *get_context(rp_interp *ip, rc_object *self) {
    return or_none(ip, EXC(self)->context);
}
static rc_object *get_suppress(rp_interp *ip, rc_object *self) {
    return rp_bool(ip, EXC(self)->suppress_context);
}

/* Stores v (None: NULL) in *slot; v must be None or pass `ok`. */
static int set_slot(rp_interp *ip, rc_object **slot, rc_object *v, bool ok,
                    const char *what, const char *msg) {
    if (!v)
        return rp_raise(ip, ip->exc.TypeError, "%s may not be deleted", what);
    if (!rc_is_none(v) && !ok)
        return rp_raise(ip, ip->exc.TypeError, "%s", msg);
    rc_object *old = *slot;
    *slot = rc_is_none(v) ? NULL : (rc_incref(v), v);
    rc_xdecref(old);
    return 0;
}

static int set_traceback(rp_interp *ip, rc_object *self, rc_object *v) {
    return set_slot(ip, &EXC(self)->traceback, v, v && is_traceback(v),
                    "__traceback__",
                    "__traceback__ must be a traceback or None");
}

static int set_cause(rp_interp *ip, rc_object *self, rc_object *v) {
    int r =
        set_slot(ip, &EXC(self)->cause, v, v && rp_is_exc(ip, v), "__cause__",
                 "exception cause must be None or derive from "
                 "BaseException");
    if (r == 0)
        EXC(self)->suppress_context = true;
    return r;
}

static int set_context(rp_interp *ip, rc_object *self, rc_object *v) {
    return set_slot(ip, &EXC(self)->context, v, v && rp_is_exc(ip, v),
                    "__context__",
                    "exception context must be None or derive from "
                    "BaseException");
}

static int set_suppress(rp_interp *ip, rc_object *self, rc_object *v) {
    if (!v)
        return rp_raise(ip, ip->exc.TypeError,
                        "__suppress_context__ may not be deleted");
    int t = rp_truth(ip, v);
    if (t < 0)
        return t;
    EXC(self)->suppress_context = t;
    return 0;
}

static const rp_getsetdef base_getsets[] = {
    {"args", get_args, set_args_attr, NULL},
    {"__traceback__", get_traceback, set_traceback, NULL},
    {"__cause__", get_cause, set_cause, "exception cause"},
    {"__context__", get_context, set_context, "exception context"},
    {"__suppress_context__", get_suppress, set_suppress, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ====================================================================== */
/* The subclasses' constructors and strs                                  */
/* ====================================================================== */

/* StopIteration.value, SystemExit.code: set by __init__ from args. */
static rc_object *stopiter_init(rp_interp *ip, rc_object *self,
                                rc_object *const *args, size_t nargs,
                                rc_object *kwnames) {
    rc_object *r = exc_init(ip, self, args, nargs, kwnames);
    if (!r)
        return NULL;
    rc_decref(r);
    return done(ip, set_attr(ip, self, "value", nargs ? args[0] : NULL));
}

static rc_object *sysexit_init(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    rc_object *r = exc_init(ip, self, args, nargs, kwnames);
    if (!r)
        return NULL;
    rc_decref(r);
    rc_object *code = nargs == 0   ? NULL
                      : nargs == 1 ? args[0]
                                   : EXC(self)->args;
    return done(ip, set_attr(ip, self, "code", code));
}

/* KeyError's str is repr(key), so that KeyError('') shows ''. */
static rc_object *keyerror_str(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    rc_object *a = EXC(self)->args;
    if (a && rc_tuple_size(a) == 1 && nargs == 0 && !nkw(kwnames))
        return rc_repr(rc_tuple_get(a, 0));
    return exc_str(ip, self, args, nargs, kwnames);
}

static rc_object *init_with_keywords(rp_interp *ip, rc_object *self,
                                     rc_object *const *args, size_t nargs,
                                     rc_object *kwnames,
                                     const char *const *names) {
    if (set_defaults(ip, self, names) < 0 ||
        take_keywords(ip, self, args, nargs, kwnames, names) < 0 ||
        set_args(ip, self, args, nargs) < 0)
        return NULL;
    return rp_none(ip);
}

static rc_object *nameerror_init(rp_interp *ip, rc_object *self,
                                 rc_object *const *args, size_t nargs,
                                 rc_object *kwnames) {
    static const char *const names[] = {"name", NULL};
    return init_with_keywords(ip, self, args, nargs, kwnames, names);
}

static rc_object *attrerror_init(rp_interp *ip, rc_object *self,
                                 rc_object *const *args, size_t nargs,
                                 rc_object *kwnames) {
    static const char *const names[] = {"name", "obj", NULL};
    return init_with_keywords(ip, self, args, nargs, kwnames, names);
}

/* ImportError(msg, name=, path=): msg is the only argument, or None. */
static rc_object *importerror_init(rp_interp *ip, rc_object *self,
                                   rc_object *const *args, size_t nargs,
                                   rc_object *kwnames) {
    static const char *const names[] = {"name", "path", NULL};
    rc_object *r = init_with_keywords(ip, self, args, nargs, kwnames, names);
    if (!r)
        return NULL;
    rc_decref(r);
    return done(ip, set_attr(ip, self, "msg", nargs == 1 ? args[0] : NULL));
}

static rc_object *importerror_str(rp_interp *ip, rc_object *self,
                                  rc_object *const *args, size_t nargs,
                                  rc_object *kwnames) {
    rc_object *msg = rp_exc_attr(ip, self, "msg");
    if (msg && rc_is_str(msg)) {
        rc_incref(msg);
        return msg;
    }
    return exc_str(ip, self, args, nargs, kwnames);
}

static const rp_methoddef stopiter_methods[] = {
    {"__init__", stopiter_init, 0, NULL}, {NULL, NULL, 0, NULL}};
static const rp_methoddef sysexit_methods[] = {
    {"__init__", sysexit_init, 0, NULL}, {NULL, NULL, 0, NULL}};
static const rp_methoddef keyerror_methods[] = {
    {"__str__", keyerror_str, 0, NULL}, {NULL, NULL, 0, NULL}};
static const rp_methoddef nameerror_methods[] = {
    {"__init__", nameerror_init, 0, NULL}, {NULL, NULL, 0, NULL}};
static const rp_methoddef attrerror_methods[] = {
    {"__init__", attrerror_init, 0, NULL}, {NULL, NULL, 0, NULL}};
static const rp_methoddef importerror_methods[] = {
    {"__init__", importerror_init, 0, NULL},
    {"__str__", importerror_str, 0, NULL},
    {NULL, NULL, 0, NULL}};

/* -------------------------------------------------------------- OSError */

/* CPython's errno -> subclass map (OSError(errno, msg) and failed system
 * calls pick the subclass by it). */
rp_class *rp_oserror_class(rp_interp *ip, int err) {
    switch (err) {
    case ENOENT:
        return ip->exc.FileNotFoundError;
    case EEXIST:
        return ip->exc.FileExistsError;
    case EACCES:
    case EPERM:
        return ip->exc.PermissionError;
    case EISDIR:
        return ip->exc.IsADirectoryError;
    case ENOTDIR:
        return ip->exc.NotADirectoryError;
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return ip->exc.BlockingIOError;
    case ECHILD:
        return ip->exc.ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
        return ip->exc.BrokenPipeError;
    case ECONNABORTED:
        return ip->exc.ConnectionAbortedError;
    case ECONNREFUSED:
        return ip->exc.ConnectionRefusedError;
    case ECONNRESET:
        return ip->exc.ConnectionResetError;
    case EINTR:
        return ip->exc.InterruptedError;
    case ESRCH:
        return ip->exc.ProcessLookupError;
    case ETIMEDOUT:
        return ip->exc.TimeoutError;
    default:
        return ip->exc.OSError;
    }
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): made an
 * instance of the subclass for errno when called as OSError itself; args
 * keep only (errno, strerror) once a filename is given. */
static rc_object *oserror_new(rp_interp *ip, rp_class *cls,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames) {
    int64_t err;
    if (cls == ip->exc.OSError && nargs >= 2 && rc_is_int(args[0]) &&
        rc_int_to_i64(args[0], &err) == 0 && err >= 0 && err < 1 << 20)
        cls = rp_oserror_class(ip, (int)err);
    bool parsed = nargs >= 2 && nargs <= 5;
    rc_object *o =
        exc_new(ip, cls, args, parsed && nargs > 2 ? 2 : nargs, kwnames);
    if (!o)
        return NULL;
    const char *names[] = {"errno", "strerror", "filename", NULL, "filename2"};
    for (size_t i = 0; i < 5; i++) {
        if (!names[i])
            continue;
        rc_object *v = parsed && i < nargs ? args[i] : NULL;
        if (set_attr(ip, o, names[i], v) < 0) {
            rc_decref(o);
            return NULL;
        }
    }
    return o;
}

/* The work is done in __new__; __init__ leaves args as __new__ set them. */
static rc_object *oserror_init(rp_interp *ip, rc_object *self,
                               rc_object *const *args, size_t nargs,
                               rc_object *kwnames) {
    (void)args, (void)nargs;
    return no_keywords(ip, self, kwnames) < 0 ? NULL : rp_none(ip);
}

static rc_object *oserror_str(rp_interp *ip, rc_object *self,
                              rc_object *const *args, size_t nargs,
                              rc_object *kwnames) {
    rc_object *no = rp_exc_attr(ip, self, "errno");
    rc_object *se = rp_exc_attr(ip, self, "strerror");
    rc_object *f1 = rp_exc_attr(ip, self, "filename");
    rc_object *f2 = rp_exc_attr(ip, self, "filename2");
    bool has1 = f1 && !rc_is_none(f1), has2 = f2 && !rc_is_none(f2);
    bool has_err = no && se && (!rc_is_none(no) || !rc_is_none(se));
    if (!has1 && !has_err)
        return exc_str(ip, self, args, nargs, kwnames);
    rc_object *parts[4] = {
        rc_str(no ? no : ip->none), rc_str(se ? se : ip->none),
        has1 ? rc_repr(f1) : NULL, has2 ? rc_repr(f2) : NULL};
    rc_object *r = NULL;
    if (parts[0] && parts[1] && (!has1 || parts[2]) && (!has2 || parts[3])) {
        const char *a = rc_str_utf8(parts[0]), *b = rc_str_utf8(parts[1]);
        if (has2)
            r = rc_str_from_format(ip->rt, "[Errno %s] %s: %s -> %s", a, b,
                                   rc_str_utf8(parts[2]),
                                   rc_str_utf8(parts[3]));
        else if (has1)
            r = rc_str_from_format(ip->rt, "[Errno %s] %s: %s", a, b,
                                   rc_str_utf8(parts[2]));
        else
            r = rc_str_from_format(ip->rt, "[Errno %s] %s", a, b);
    }
    for (size_t i = 0; i < 4; i++)
        rc_xdecref(parts[i]);
    return r;
}

static const rp_methoddef oserror_methods[] = {
    {"__init__", oserror_init, 0, NULL},
    {"__str__", oserror_str, 0, NULL},
    {NULL, NULL, 0, NULL}};

int rp_raise_attribute_error(rp_interp *ip, rc_object *obj, rc_object *name,
                             const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    char *text = rp_vformat(small, sizeof small, fmt, ap);
    va_end(ap);
    int st = rp_raise(ip, ip->exc.AttributeError, "%s", text ? text : "");
    if (text != small)
        free(text);
    rc_object *exc = rp_err_fetch(ip);
    if (!exc)
        return st;
    if (set_attr(ip, exc, "name", name) < 0 ||
        set_attr(ip, exc, "obj", obj) < 0)
        rp_err_clear(ip);
    rp_err_restore(ip, exc);
    return st;
}

int rp_raise_oserror(rp_interp *ip, int err, rc_object *filename) {
    rc_object *no = rc_int_from_i64(ip->rt, err);
    rc_object *msg = rp_str(ip, strerror(err));
    if (!no || !msg) {
        rc_xdecref(no);
        rc_xdecref(msg);
        return RC_ENOMEM;
    }
    rc_object *argv[3] = {no, msg, filename};
    rc_object *exc =
        rp_call(ip, &ip->exc.OSError->ob, argv, filename ? 3 : 2, NULL);
    rc_decref(no);
    rc_decref(msg);
    if (!exc)
        return rc_last_error(ip->rt);
    int st = rp_err_set(ip, exc);
    rc_decref(exc);
    return st;
}

/* ---------------------------------------------------------- SyntaxError */

static const char *const syntax_fields[] = {
    "filename", "lineno", "offset", "text", "end_lineno", "end_offset", NULL};

/* SyntaxError(msg, (filename, lineno, offset, text[, end_lineno,
 * end_offset])): the attributes come from the details tuple when exactly
 * two arguments are given. */
static int syntax_details(rp_interp *ip, rc_object *self, rc_object *det) {
    rc_object *list = rc_list_new(ip->rt);
    if (!list || rc_list_extend(list, det) < 0) {
        rc_xdecref(list);
        return -1;
    }
    size_t n = rc_list_size(list);
    int r = 0;
    if (n < 4 || n > 6)
        r = rp_raise(ip, ip->exc.TypeError,
                     n < 4 ? "function takes at least 4 arguments (%zu given)"
                           : "function takes at most 6 arguments (%zu given)",
                     n);
    else if (n == 5)
        r = rp_raise(ip, ip->exc.TypeError,
                     "end_offset must be provided when end_lineno is "
                     "provided");
    for (size_t i = 0; r == 0 && i < n; i++)
        r = set_attr(ip, self, syntax_fields[i],
                     rc_list_get(list, (ptrdiff_t)i));
    rc_decref(list);
    return r;
}

static rc_object *syntaxerror_init(rp_interp *ip, rc_object *self,
                                   rc_object *const *args, size_t nargs,
                                   rc_object *kwnames) {
    rc_object *r = exc_init(ip, self, args, nargs, kwnames);
    if (!r)
        return NULL;
    rc_decref(r);
    if (set_defaults(ip, self, syntax_fields) < 0 ||
        set_attr(ip, self, "print_file_and_line", NULL) < 0 ||
        set_attr(ip, self, "msg", nargs ? args[0] : NULL) < 0)
        return NULL;
    return done(ip, nargs == 2 ? syntax_details(ip, self, args[1]) : 0);
}

/* The last component of a path. */
static const char *basename_of(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* "invalid syntax (x.py, line 1)", "m (x.py)", "m (line 3)", "m". */
static rc_object *syntaxerror_str(rp_interp *ip, rc_object *self,
                                  rc_object *const *args, size_t nargs,
                                  rc_object *kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    rc_object *msg = rp_exc_attr(ip, self, "msg");
    rc_object *fn = rp_exc_attr(ip, self, "filename");
    rc_object *ln = rp_exc_attr(ip, self, "lineno");
    rc_object *m = rc_str(msg ? msg : ip->none);
    if (!m)
        return NULL;
    bool has_fn = fn && rc_is_str(fn);
    int64_t line = 0;
    bool has_ln = ln && rc_is_int(ln) && rc_int_to_i64(ln, &line) == 0;
    rc_object *r;
    if (has_fn && has_ln)
        r = rc_str_from_format(ip->rt, "%s (%s, line %lld)", rc_str_utf8(m),
                               basename_of(rc_str_utf8(fn)), (long long)line);
    else if (has_fn)
        r = rc_str_from_format(ip->rt, "%s (%s)", rc_str_utf8(m),
                               basename_of(rc_str_utf8(fn)));
    else if (has_ln)
        r = rc_str_from_format(ip->rt, "%s (line %lld)", rc_str_utf8(m),
                               (long long)line);
    else {
        rc_incref(m);
        r = m;
    }
    rc_decref(m);
    return r;
}

static const rp_methoddef syntaxerror_methods[] = {
    {"__init__", syntaxerror_init, 0, NULL},
    {"__str__", syntaxerror_str, 0, NULL},
    {NULL, NULL, 0, NULL}};

/* --------------------------------------------------- UnicodeDecodeError */

static const char *const unicode_fields[] = {"encoding", "object", "start",
                                             "end",      "reason", NULL};

static rc_object *unicodedecode_init(rp_interp *ip, rc_object *self,
                                     rc_object *const *args, size_t nargs,
                                     rc_object *kwnames) {
    if (rp_check_args(ip, "function", nargs, kwnames, 5, 5) < 0)
        return NULL;
    if (set_args(ip, self, args, nargs) < 0)
        return NULL;
    for (size_t i = 0; i < 5; i++)
        if (set_attr(ip, self, unicode_fields[i], args[i]) < 0)
            return NULL;
    return rp_none(ip);
}

/* "'utf-8' codec can't decode byte 0xff in position 0: invalid start
 * byte" (bytes in position 0-1 for a longer range). */
static rc_object *unicodedecode_str(rp_interp *ip, rc_object *self,
                                    rc_object *const *args, size_t nargs,
                                    rc_object *kwnames) {
    rc_object *enc = rp_exc_attr(ip, self, "encoding");
    rc_object *obj = rp_exc_attr(ip, self, "object");
    rc_object *st = rp_exc_attr(ip, self, "start");
    rc_object *en = rp_exc_attr(ip, self, "end");
    rc_object *why = rp_exc_attr(ip, self, "reason");
    int64_t s, e;
    if (!enc || !rc_is_str(enc) || !why || !rc_is_str(why) || !st || !en ||
        rc_int_to_i64(st, &s) < 0 || rc_int_to_i64(en, &e) < 0) {
        rp_err_clear(ip);
        return exc_str(ip, self, args, nargs, kwnames);
    }
    if (e == s + 1 && obj) {
        rc_object *idx = rc_int_from_i64(ip->rt, s);
        rc_object *b = idx ? rc_getitem(obj, idx) : NULL;
        rc_xdecref(idx);
        int64_t v;
        if (b && rc_is_int(b) && rc_int_to_i64(b, &v) == 0) {
            rc_decref(b);
            return rc_str_from_format(
                ip->rt,
                "'%s' codec can't decode byte 0x%02x in position "
                "%lld: %s",
                rc_str_utf8(enc), (unsigned)(v & 0xff), (long long)s,
                rc_str_utf8(why));
        }
        rc_xdecref(b);
        rp_err_clear(ip);
    }
    return rc_str_from_format(
        ip->rt, "'%s' codec can't decode bytes in position %lld-%lld: %s",
        rc_str_utf8(enc), (long long)s, (long long)(e - 1), rc_str_utf8(why));
}

static const rp_methoddef unicodedecode_methods[] = {
    {"__init__", unicodedecode_init, 0, NULL},
    {"__str__", unicodedecode_str, 0, NULL},
    {NULL, NULL, 0, NULL}};

/* ====================================================================== */
/* The hierarchy                                                          */
/* ====================================================================== */

static const struct {
    const char *name;
    const rp_methoddef *methods;
    rp_newfunc new_;
} extras[] = {
    {"BaseException", base_methods, exc_new},
    {"StopIteration", stopiter_methods, NULL},
    {"SystemExit", sysexit_methods, NULL},
    {"KeyError", keyerror_methods, NULL},
    {"NameError", nameerror_methods, NULL},
    {"AttributeError", attrerror_methods, NULL},
    {"ImportError", importerror_methods, NULL},
    {"OSError", oserror_methods, oserror_new},
    {"SyntaxError", syntaxerror_methods, NULL},
    {"UnicodeDecodeError", unicodedecode_methods, NULL},
};

static rp_class *make_class(rp_interp *ip, const char *name, rp_class *base) {
    const rp_methoddef *methods = NULL;
    rp_newfunc new_ = NULL;
    for (size_t i = 0; i < sizeof extras / sizeof extras[0]; i++)
        if (strcmp(extras[i].name, name) == 0) {
            methods = extras[i].methods;
            new_ = extras[i].new_;
        }
    rp_class *cls = rp_class_new_with_layout(
        ip, name, base, &exc_layout, methods, new_,
        RP_CLS_EXCEPTION | RP_CLS_BASETYPE | RP_CLS_HAS_DICT);
    if (!cls)
        return NULL;
    rc_object *mod = rp_str(ip, "builtins");
    if (!mod || rp_class_add_object(ip, cls, "__module__", mod) < 0)
        return NULL;
    return cls;
}

int rp_traceback_init(rp_interp *ip); /* traceback.c */

int rp_init_exceptions(rp_interp *ip) {
    if (rp_front_new(ip) < 0)
        return RC_ENOMEM;
#define RP_EXC_MAKE(field, name, base)                                         \
    ip->exc.field = make_class(                                                \
        ip, name, strcmp(#field, #base) == 0 ? ip->cls.object : ip->exc.base); \
    if (!ip->exc.field)                                                        \
        return -1;
    RP_EXCEPTIONS(RP_EXC_MAKE)
#undef RP_EXC_MAKE
    if (rp_class_add_getsets(ip, ip->exc.BaseException, base_getsets) < 0)
        return -1;
    rc_object *none = rc_tuple_new(ip->rt, 0);
    ip->front->memerr = none ? rp_exc_new(ip, ip->exc.MemoryError, none) : NULL;
    rc_xdecref(none);
    if (!ip->front->memerr)
        return -1;
    rp_install_unraisable_hook(ip);
    return rp_traceback_init(ip);
}

rc_object *rp_exc_type_name(rp_interp *ip, rc_object *exc) {
    rp_class *cls = rp_type_of(exc);
    rc_object *mod = rp_class_lookup(cls, ip->s.module);
    rc_object *qn = cls->qualname ? cls->qualname : cls->name;
    if (!qn)
        return rp_str(ip, rc_type_name(exc));
    const char *m = mod && rc_is_str(mod) ? rc_str_utf8(mod) : NULL;
    if (!m || strcmp(m, "builtins") == 0 || strcmp(m, "__main__") == 0) {
        rc_incref(qn);
        return qn;
    }
    return rc_str_from_format(ip->rt, "%s.%s", m, rc_str_utf8(qn));
}
