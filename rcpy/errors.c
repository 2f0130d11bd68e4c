/*
 * errors.c — the pending exception: raising, fetching, matching, and the
 * errors nobody can receive.
 *
 * The pending exception is the runtime's error. Raising records an
 * exception object with rc_set_error_object and the status of its class
 * (TypeError → RC_ETYPE ..., RC_EEXCEPTION for classes without one), so C
 * code in the library sees a status it understands and rcpy gets the
 * object back unchanged. A library call that failed leaves a status and a
 * message only; rp_err_fetch turns that into an instance of the matching
 * class the moment an object is needed.
 *
 * Invariant: an exception is pending exactly when rc_last_error(rt) !=
 * RC_OK; whenever rcpy raises, the error carries an object. __context__
 * is set at raise time from the exception being handled (ip->exc_info),
 * as CPython's _PyErr_SetObject does, never making the context chain a
 * cycle. MemoryError works with no memory left: one instance is made at
 * start-up and raised when a fresh one cannot be made.
 */
#include "front.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXC(o) ((rp_exc *)(o))

/* ====================================================================== */
/* State                                                                  */
/* ====================================================================== */

int rp_front_new(rp_interp *ip) {
    if (ip->front)
        return 0;
    ip->front = rc_malloc(ip->rt, sizeof *ip->front);
    if (!ip->front)
        return RC_ENOMEM;
    memset(ip->front, 0, sizeof *ip->front);
    return 0;
}

void rp_fini_front(rp_interp *ip) {
    struct rp_front *fr = ip->front;
    if (!fr)
        return;
    rp_modules_finalize(ip);
    rc_object *out = rp_sys_get(ip, "stdout");
    if (out && rp_file_flush(ip, out) < 0)
        rp_err_clear(ip);
    rc_object *err = rp_sys_get(ip, "stderr");
    if (err && rp_file_flush(ip, err) < 0)
        rp_err_clear(ip);
    rp_gc_stop(ip);
    rc_object *held[] = {fr->memerr, fr->gc_garbage, fr->gc_callbacks,
                         fr->importing, fr->unsupported};
    fr->memerr = fr->gc_garbage = fr->gc_callbacks = fr->importing = NULL;
    fr->unsupported = NULL;
    for (size_t i = 0; i < sizeof held / sizeof held[0]; i++)
        rc_xdecref(held[i]);
    ip->front = NULL;
    rc_free(ip->rt, fr, sizeof *fr);
}

/* ====================================================================== */
/* Classes and statuses                                                   */
/* ====================================================================== */

rc_status rp_class_status(rp_interp *ip, rp_class *cls) {
    const struct {
        rp_class *cls;
        rc_status status;
    } map[] = {
        {ip->exc.TypeError, RC_ETYPE},
        {ip->exc.ValueError, RC_EVALUE},
        {ip->exc.IndexError, RC_EINDEX},
        {ip->exc.KeyError, RC_EKEY},
        {ip->exc.AttributeError, RC_EATTR},
        {ip->exc.ZeroDivisionError, RC_EZERODIV},
        {ip->exc.OverflowError, RC_EOVERFLOW},
        {ip->exc.RecursionError, RC_ERECURSION},
        {ip->exc.MemoryError, RC_ENOMEM},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].cls && rp_is_subclass(cls, map[i].cls))
            return map[i].status;
    return RC_EEXCEPTION;
}

/* A library message about misuse of the C API rather than a bad value. */
static bool is_internal_message(const char *msg) {
    return strncmp(msg, "rc_", 3) == 0 || strstr(msg, "NULL") ||
           strcmp(msg, "invalid argument") == 0 || strstr(msg, "basicsize") ||
           strstr(msg, "callback");
}

static rp_class *class_for(rp_interp *ip, rc_status status, const char *msg) {
    switch (status) {
    case RC_EINVAL:
        return is_internal_message(msg) ? ip->exc.SystemError
                                        : ip->exc.ValueError;
    default:
        return rp_status_class(ip, status);
    }
}

rp_class *rp_status_class(rp_interp *ip, rc_status status) {
    switch (status) {
    case RC_ENOMEM:
        return ip->exc.MemoryError;
    case RC_EINVAL:
        return ip->exc.ValueError;
    case RC_ETYPE:
    case RC_EHASH:
        return ip->exc.TypeError;
    case RC_EINDEX:
        return ip->exc.IndexError;
    case RC_EKEY:
        return ip->exc.KeyError;
    case RC_EVALUE:
        return ip->exc.ValueError;
    case RC_EZERODIV:
        return ip->exc.ZeroDivisionError;
    case RC_EOVERFLOW:
        return ip->exc.OverflowError;
    case RC_ESTATE:
        return ip->exc.RuntimeError;
    case RC_EATTR:
        return ip->exc.AttributeError;
    case RC_ERECURSION:
        return ip->exc.RecursionError;
    default:
        return ip->exc.SystemError;
    }
}

/* ====================================================================== */
/* Setting the pending exception                                          */
/* ====================================================================== */

/* Makes `handled` the context of exc, first unlinking exc from handled's
 * own context chain so that the chain never becomes a cycle (Floyd's
 * tortoise guards against a chain that already is one). */
static void chain_context(rp_interp *ip, rc_object *exc) {
    rc_object *handled = ip->exc_info;
    if (!handled || handled == exc || !rp_is_exc(ip, handled))
        return;
    rc_object *o = handled, *slow = handled;
    for (bool step = false; EXC(o)->context; step = !step) {
        rc_object *ctx = EXC(o)->context;
        if (ctx == exc) {
            EXC(o)->context = NULL;
            rc_decref(ctx);
            break;
        }
        o = ctx;
        if (step)
            slow = EXC(slow)->context;
        if (o == slow)
            break;
    }
    rc_object *old = EXC(exc)->context;
    rc_incref(handled);
    EXC(exc)->context = handled;
    rc_xdecref(old);
}

/* What rc_last_error_message shows for an exception object: its message
 * when its only argument is a str, else its class's name. */
static const char *message_of(rc_object *exc) {
    rc_object *args = EXC(exc)->args;
    if (args && rc_tuple_size(args) == 1 && rc_is_str(rc_tuple_get(args, 0)))
        return rc_str_utf8(rc_tuple_get(args, 0));
    return rc_type_name(exc);
}

static int set_object(rp_interp *ip, rc_object *exc) {
    rc_status st = rp_class_status(ip, rp_type_of(exc));
    return rc_set_error_object(ip->rt, st, exc, message_of(exc));
}

int rp_err_set(rp_interp *ip, rc_object *exc) {
    chain_context(ip, exc);
    return set_object(ip, exc);
}

void rp_err_restore(rp_interp *ip, rc_object *exc) {
    set_object(ip, exc);
    rc_decref(exc);
}

/* MemoryError: a fresh instance when memory allows, else the one made at
 * start-up (made fresh again once nobody holds it). */
static int raise_nomem(rp_interp *ip) {
    rc_clear_error(ip->rt);
    rc_object *exc = NULL;
    if (ip->exc.MemoryError) {
        rc_object *none = rc_tuple_new(ip->rt, 0);
        if (none)
            exc = rp_exc_new(ip, ip->exc.MemoryError, none);
        rc_xdecref(none);
        rc_clear_error(ip->rt);
    }
    if (!exc && ip->front && ip->front->memerr) {
        exc = ip->front->memerr;
        rc_incref(exc);
        rc_object *drop[] = {EXC(exc)->traceback, EXC(exc)->context,
                             EXC(exc)->cause};
        EXC(exc)->traceback = EXC(exc)->context = EXC(exc)->cause = NULL;
        for (size_t i = 0; i < 3; i++)
            rc_xdecref(drop[i]);
    }
    if (!exc)
        return rc_set_error(ip->rt, RC_ENOMEM, "out of memory");
    int st = rp_err_set(ip, exc);
    rc_decref(exc);
    return st;
}

static int raise_with_arg(rp_interp *ip, rp_class *cls, rc_object *arg);

char *rp_vformat(char *small, size_t cap, const char *fmt, va_list ap) {
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, cap, fmt, ap);
    if (n < 0) {
        small[0] = '\0';
        n = 0;
    }
    char *text = small;
    if ((size_t)n >= cap && (text = malloc((size_t)n + 1)))
        vsnprintf(text, (size_t)n + 1, fmt, again);
    va_end(again);
    return text;
}

int rp_raise(rp_interp *ip, rp_class *cls, const char *fmt, ...) {
    if (cls && cls == ip->exc.MemoryError)
        return raise_nomem(ip);
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    char *text = rp_vformat(small, sizeof small, fmt, ap);
    va_end(ap);
    if (!cls) { /* during start-up, before the classes exist */
        int r = rc_set_error(ip->rt, RC_EINVAL, "%s", text ? text : fmt);
        if (text != small)
            free(text);
        return r;
    }
    rc_object *s = text ? rp_str(ip, text) : NULL;
    if (text != small)
        free(text);
    if (!s)
        return raise_nomem(ip);
    int st = raise_with_arg(ip, cls, s);
    rc_decref(s);
    return st;
}

/* The instance `raise x` raises: x itself, or x() for a class (which must
 * give an instance of BaseException). New reference, or NULL. */
static rc_object *instance_for(rp_interp *ip, rc_object *x, const char *what) {
    if (rp_is_exc(ip, x)) {
        rc_incref(x);
        return x;
    }
    if (rp_is_class(x) &&
        rp_is_subclass((rp_class *)x, ip->exc.BaseException)) {
        rc_object *v = rp_call0(ip, x);
        if (!v)
            return NULL;
        if (rp_is_exc(ip, v))
            return v;
        rc_object *cls_repr = rc_repr(x);
        rc_object *type_repr = rc_repr(&rp_type_of(v)->ob);
        rc_decref(v);
        if (cls_repr && type_repr)
            rp_raise(ip, ip->exc.TypeError,
                     "calling %s should have returned an instance of "
                     "BaseException, not %s",
                     rc_str_utf8(cls_repr), rc_str_utf8(type_repr));
        rc_xdecref(cls_repr);
        rc_xdecref(type_repr);
        return NULL;
    }
    rp_raise(ip, ip->exc.TypeError, "%s must derive from BaseException", what);
    return NULL;
}

int rp_raise_object(rp_interp *ip, rc_object *x) {
    rc_object *exc = instance_for(ip, x, "exceptions");
    if (!exc)
        return rc_last_error(ip->rt);
    int st = rp_err_set(ip, exc);
    rc_decref(exc);
    return st;
}

int rp_raise_from(rp_interp *ip, rc_object *x, rc_object *cause) {
    rc_object *exc = instance_for(ip, x, "exceptions");
    if (!exc)
        return rc_last_error(ip->rt);
    rc_object *c = NULL;
    if (cause && !rc_is_none(cause)) {
        c = instance_for(ip, cause, "exception causes");
        if (!c) {
            rc_decref(exc);
            return rc_last_error(ip->rt);
        }
    }
    if (cause) {
        rc_object *old = EXC(exc)->cause;
        EXC(exc)->cause = c;
        EXC(exc)->suppress_context = true;
        rc_xdecref(old);
    }
    int st = rp_err_set(ip, exc);
    rc_decref(exc);
    return st;
}

static int raise_with_arg(rp_interp *ip, rp_class *cls, rc_object *arg) {
    rc_object *args =
        arg ? rc_tuple_pack(ip->rt, 1, arg) : rc_tuple_new(ip->rt, 0);
    rc_object *exc = args ? rp_exc_new(ip, cls, args) : NULL;
    rc_xdecref(args);
    if (!exc)
        return raise_nomem(ip);
    int st = rp_err_set(ip, exc);
    rc_decref(exc);
    return st;
}

int rp_raise_keyerror(rp_interp *ip, rc_object *key) {
    return raise_with_arg(ip, ip->exc.KeyError, key);
}

int rp_err_key(rp_interp *ip, rc_object *key) {
    rc_status st = rc_last_error(ip->rt);
    if (st != RC_EKEY || rc_error_object(ip->rt))
        return st;
    rc_clear_error(ip->rt);
    return rp_raise_keyerror(ip, key);
}

/* Through the class, so that __init__ sets .value as CPython's does. */
int rp_raise_stopiteration(rp_interp *ip, rc_object *value) {
    rc_object *cls = &ip->exc.StopIteration->ob;
    rc_object *exc = value ? rp_call1(ip, cls, value) : rp_call0(ip, cls);
    if (!exc)
        return rc_last_error(ip->rt);
    int st = rp_err_set(ip, exc);
    rc_decref(exc);
    return st;
}

/* ====================================================================== */
/* Fetching                                                               */
/* ====================================================================== */

bool rp_err_occurred(const rp_interp *ip) {
    return rc_last_error(ip->rt) != RC_OK;
}

/* The key a library KeyError message names: its message is repr(key), read
 * back here for the common keys (ints, plain strs, None, True, False) so
 * that str(e) shows the repr once, as CPython's KeyError(key) does. */
static rc_object *key_from_repr(rp_interp *ip, const char *msg) {
    size_t n = strlen(msg);
    if (n >= 2 && (msg[0] == '\'' || msg[0] == '"') && msg[n - 1] == msg[0] &&
        !memchr(msg + 1, '\\', n - 2) && !memchr(msg + 1, msg[0], n - 2))
        return rc_str_from_utf8(ip->rt, msg + 1, n - 2);
    if (strcmp(msg, "None") == 0)
        return rp_none(ip);
    if (strcmp(msg, "True") == 0 || strcmp(msg, "False") == 0)
        return rp_bool(ip, msg[0] == 'T');
    size_t digits = strspn(msg + (msg[0] == '-'), "0123456789");
    if (n && digits && digits + (msg[0] == '-') == n)
        return rc_int_from_string(ip->rt, msg, 10);
    return rp_str(ip, msg);
}

/* An exception object for a status-only error of the library. */
static rc_object *exc_from_status(rp_interp *ip, rc_status st,
                                  const char *msg) {
    if (st == RC_ENOMEM) {
        raise_nomem(ip);
        return rc_fetch_error_object(ip->rt, NULL);
    }
    rp_class *cls = class_for(ip, st, msg);
    rc_object *arg =
        cls == ip->exc.KeyError ? key_from_repr(ip, msg) : rp_str(ip, msg);
    rc_object *args = arg ? rc_tuple_pack(ip->rt, 1, arg) : NULL;
    rc_object *exc = args ? rp_exc_new(ip, cls, args) : NULL;
    rc_xdecref(arg);
    rc_xdecref(args);
    if (!exc) {
        raise_nomem(ip);
        return rc_fetch_error_object(ip->rt, NULL);
    }
    chain_context(ip, exc);
    return exc;
}

rc_object *rp_err_fetch(rp_interp *ip) {
    rc_status st = rc_last_error(ip->rt);
    if (st == RC_OK)
        return NULL;
    /* the message lives in the runtime's buffer, which fetching clears */
    char msg[512];
    snprintf(msg, sizeof msg, "%s", rc_last_error_message(ip->rt));
    rc_object *exc = rc_fetch_error_object(ip->rt, NULL);
    return exc ? exc : exc_from_status(ip, st, msg);
}

bool rp_err_matches(rp_interp *ip, rp_class *cls) {
    rc_object *exc = rp_err_fetch(ip);
    if (!exc)
        return false;
    bool m = rp_is_instance(exc, cls);
    rp_err_restore(ip, exc);
    return m;
}

void rp_err_clear(rp_interp *ip) {
    rc_clear_error(ip->rt);
}

/* ====================================================================== */
/* Raising helpers for other parts                                        */
/* ====================================================================== */

int rp_raise_syntax_error(rp_interp *ip, rp_class *cls, const char *msg,
                          rc_object *filename, int lineno, int offset,
                          int end_lineno, int end_offset, const char *text) {
    rc_runtime *rt = ip->rt;
    rc_object *m = rp_str(ip, msg);
    rc_object *fn =
        filename ? (rc_incref(filename), filename) : rp_str(ip, "<string>");
    rc_object *t = text ? rp_str(ip, text) : rp_none(ip);
    if (!t) { /* not UTF-8: show nothing rather than fail */
        rc_clear_error(rt);
        t = rp_none(ip);
    }
    rc_object *ln = lineno > 0 ? rc_int_from_i64(rt, lineno) : rp_none(ip);
    rc_object *off = offset > 0 ? rc_int_from_i64(rt, offset) : rp_none(ip);
    rc_object *eln =
        end_lineno > 0 ? rc_int_from_i64(rt, end_lineno) : rp_none(ip);
    rc_object *eoff =
        end_offset > 0 ? rc_int_from_i64(rt, end_offset) : rp_none(ip);
    rc_object *details = (m && fn && ln && off && eln && eoff)
                             ? rc_tuple_pack(rt, 6, fn, ln, off, t, eln, eoff)
                             : NULL;
    rc_object *args = details ? rc_tuple_pack(rt, 2, m, details) : NULL;
    rc_object *parts[] = {m, fn, t, ln, off, eln, eoff, details};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        rc_xdecref(parts[i]);
    if (!args)
        return raise_nomem(ip);
    /* Called like SyntaxError(msg, details) so that __init__'s unpacking
     * sets the attributes exactly as for a program's own call. */
    rc_object *argv[2] = {rc_tuple_get(args, 0), rc_tuple_get(args, 1)};
    rc_object *exc = rp_call(ip, &cls->ob, argv, 2, NULL);
    rc_decref(args);
    if (!exc)
        return rc_last_error(rt);
    int st = rp_err_set(ip, exc);
    rc_decref(exc);
    return st;
}

/* ====================================================================== */
/* Errors nobody can receive                                              */
/* ====================================================================== */

static void write_stderr(rp_interp *ip, const char *text) {
    rc_object *f = rp_sys_get(ip, "stderr");
    if (f && !rc_is_none(f) && rp_file_write_cstr(ip, f, text) >= 0)
        return;
    rp_err_clear(ip);
    fputs(text, stderr);
}

/* "Exception ignored in: <repr>" (or "... in atexit callback: <repr>") */
static void write_header(rp_interp *ip, const char *context, rc_object *obj) {
    write_stderr(ip, "Exception ignored in");
    if (context) {
        write_stderr(ip, " ");
        write_stderr(ip, context);
    }
    write_stderr(ip, ": ");
    rc_object *r = obj ? rc_repr(obj) : NULL;
    if (r) {
        write_stderr(ip, rc_str_utf8(r));
        rc_decref(r);
    } else {
        rp_err_clear(ip);
        write_stderr(ip, obj ? "<object repr() failed>" : "None");
    }
    write_stderr(ip, "\n");
}

static void write_unraisable(rp_interp *ip, rc_object *exc, const char *context,
                             rc_object *obj) {
    rc_object *saved_info = ip->exc_info;
    ip->exc_info = NULL; /* nothing is being handled while we print */
    rc_object *out = rp_sys_get(ip, "stdout");
    if (out && !rc_is_none(out) && rp_file_flush(ip, out) < 0)
        rp_err_clear(ip);
    write_header(ip, context, obj);
    rp_print_exception(ip, exc, NULL);
    rp_err_clear(ip);
    ip->exc_info = saved_info;
}

void rp_err_write_unraisable(rp_interp *ip, const char *context,
                             rc_object *obj) {
    rc_object *exc = rp_err_fetch(ip);
    if (!exc)
        return;
    /* CPython words the atexit case "Exception ignored in atexit
     * callback: ..."; a bare "finalizer" context reads as the plain form. */
    if (context && strcmp(context, "atexit callback") != 0)
        context = NULL;
    write_unraisable(ip, exc, context, obj);
    rc_decref(exc);
}

/* What CPython names for an error in a finalizer: the class's __del__
 * function; for a weakref callback: the callback. Borrowed. */
static rc_object *culprit(rp_interp *ip, const rc_unraisable *u) {
    rc_object *o = u->object;
    if (!o)
        return NULL;
    if (u->context && strcmp(u->context, "finalizer") == 0) {
        rc_object *del = rp_class_lookup(rp_type_of(o), ip->s.del);
        return del ? del : o;
    }
    if (rc_is_weakref(o) && rc_weakref_callback_object(o))
        return rc_weakref_callback_object(o);
    return o;
}

/* The runtime's unraisable hook. The interpreter is found through the
 * runtime's userdata, which rp_interp_free clears before the runtime's
 * last finalizers run: those are reported plainly. */
static void unraisable_hook(rc_runtime *rt, const rc_unraisable *u, void *arg) {
    (void)arg;
    rp_interp *ip = rc_runtime_userdata(rt);
    if (!ip) {
        fprintf(stderr, "Exception ignored in: %s of <%s object at %p>\n%s\n",
                u->context, u->object ? rc_type_name(u->object) : "?",
                (void *)u->object, u->message);
        return;
    }
    rc_object *exc = u->exception;
    if (exc)
        rc_incref(exc);
    else
        exc = exc_from_status(ip, u->status, u->message);
    if (!exc) {
        rp_err_clear(ip);
        return;
    }
    write_unraisable(ip, exc, NULL, culprit(ip, u));
    rc_decref(exc);
}

void rp_install_unraisable_hook(rp_interp *ip) {
    rc_set_unraisable_hook(ip->rt, unraisable_hook, NULL);
}
